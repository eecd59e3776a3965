import type { FeatureSwitches } from './feature-resolution.js';
import { operatorDecision, ownerAllows, type OperatorDecision, type PolicyFeature, type TenantModePolicies } from './mode-policy.js';
import type { ActorMode } from './modes.js';

const MODES: readonly ActorMode[] = ['client', 'owner'];

type OwnerSwitch = { enabled?: boolean; modes?: readonly ActorMode[] };

/** One feature as its tenant's owner sees it: the operator's limits, their own switch, the outcome. */
export interface TenantFeatureView {
  name: string;
  modes: readonly ActorMode[];
  operator: Record<ActorMode, { allowed: boolean; reason: string | null }>;
  tenant: OwnerSwitch;
  effective: Record<ActorMode, boolean>;
}

/**
 * Pure: the features serving the tenant's vertical, each with the same decisions the mode policy
 * takes at admission (`operatorDecision`, then `ownerAllows`), so the page and the next call agree.
 */
export function tenantFeatureViews(
  tenant: { id: string; vertical: string; features: Readonly<Record<string, OwnerSwitch>> },
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
      return { name: f.name, modes: f.modes, operator, tenant: setting, effective };
    });
}
