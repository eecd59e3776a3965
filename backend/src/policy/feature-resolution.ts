import type { ActorMode } from './modes.js';
import { normalizeActorMode } from './modes.js';

/** The parts of a feature manifest that decide where it may run. */
export interface FeatureGate {
  name: string;
  modes: readonly ActorMode[];
  ownerOnly: boolean;
  defaultEnabled: boolean;
}

/** The env-derived switches (config.features). */
export interface FeatureSwitches {
  switches: Readonly<Record<string, { enabled?: boolean; modes?: readonly ActorMode[] }>>;
  tenantModes: Readonly<Record<string, Readonly<Record<string, readonly ActorMode[]>>>>;
}

export type FeatureDecision =
  | { allowed: true }
  | { allowed: false; reason: 'killed' | 'off_by_default' | 'owner_only' | 'mode_not_declared' | 'mode_narrowed' };

/**
 * Pure and fail-closed. Order: kill switch → default → owner-only → declared modes →
 * per-tenant exception (if any) else env narrowing. An exception can re-open a mode the global
 * narrowing closed for that tenant, but never one the feature does not declare.
 */
export function resolveFeature(
  feature: FeatureGate,
  tenantId: string,
  actorMode: unknown,
  cfg: FeatureSwitches,
): FeatureDecision {
  const mode = normalizeActorMode(actorMode);
  const sw = cfg.switches[feature.name.toLowerCase()];
  if (sw?.enabled === false) return { allowed: false, reason: 'killed' };
  if (!feature.defaultEnabled && sw?.enabled !== true) return { allowed: false, reason: 'off_by_default' };
  if (feature.ownerOnly && mode !== 'owner') return { allowed: false, reason: 'owner_only' };
  if (!feature.modes.includes(mode)) return { allowed: false, reason: 'mode_not_declared' };
  const narrowed = cfg.tenantModes[tenantId]?.[feature.name.toLowerCase()] ?? sw?.modes;
  if (narrowed && !narrowed.includes(mode)) return { allowed: false, reason: 'mode_narrowed' };
  return { allowed: true };
}

/** Effective state per mode, for `GET /api/admin/features`. */
export function featureModeTable(feature: FeatureGate, tenantId: string, cfg: FeatureSwitches) {
  return {
    client: resolveFeature(feature, tenantId, 'client', cfg),
    owner: resolveFeature(feature, tenantId, 'owner', cfg),
  };
}
