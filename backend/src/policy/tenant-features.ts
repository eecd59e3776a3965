import type { FeatureSetting, TenantFeature } from '@vozlia/contract';
import type { FeatureSwitches } from './feature-resolution.js';
import { operatorDecision, ownerAllows, type OperatorDecision, type PolicyFeature, type TenantModePolicies } from './mode-policy.js';
import type { ActorMode } from './modes.js';

const MODES: readonly ActorMode[] = ['client', 'owner'];

/** One feature as its tenant's owner sees it (contract `TenantFeature`; the route adds its description). */
export type TenantFeatureView = Omit<TenantFeature, 'description'>;

/**
 * Pure: the features serving the tenant's vertical, each with the same decisions the mode policy
 * takes at admission (`operatorDecision`, then `ownerAllows`), so the page and the next call agree.
 */
export function tenantFeatureViews(
  tenant: { id: string; vertical: string; features: Readonly<Record<string, FeatureSetting>> },
  config: { modePolicy: TenantModePolicies; features: FeatureSwitches },
  features: readonly Omit<PolicyFeature, 'tools'>[],
): TenantFeatureView[] {
  const own = new Map(Object.entries(tenant.features).map(([name, s]) => [name.toLowerCase(), s]));
  return features
    .filter((f) => !f.verticals || f.verticals.includes(tenant.vertical))
    .map((f) => {
      const setting = own.get(f.name.toLowerCase()) ?? {};
      const per = (m: ActorMode) => operatorDecision(f, tenant.id, m, config);
      const gate = (d: OperatorDecision) => ({ allowed: d.allowed, reason: d.allowed ? null : d.reason });
      const operator = { client: gate(per('client')), owner: gate(per('owner')) };
      const effective = Object.fromEntries(MODES.map((m) => [m, operator[m].allowed && ownerAllows(setting, m)])) as Record<ActorMode, boolean>;
      return { name: f.name, modes: [...f.modes], operator, tenant: setting, effective };
    });
}
