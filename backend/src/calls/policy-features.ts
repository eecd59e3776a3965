import type { FeatureModule } from '../features/types.js';
import type { PolicyFeature } from '../policy/mode-policy.js';

/** What the mode policy reads of each loaded feature (manifest gate, verticals, prompt fragments, tools). */
export function policyFeatures(features: readonly FeatureModule[]): PolicyFeature[] {
  return features.map((f) => {
    const m = f.manifest;
    return {
      name: m.name,
      modes: m.modes,
      ownerOnly: m.ownerOnly,
      defaultEnabled: m.defaultEnabled,
      ...(m.verticals ? { verticals: m.verticals } : {}),
      ...(m.prompt ? { prompt: m.prompt } : {}),
      tools: (f.tools ?? []).map((t) => t.name),
    };
  });
}
