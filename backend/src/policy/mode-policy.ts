import { resolveFeature, type FeatureDecision, type FeatureGate, type FeatureSwitches } from './feature-resolution.js';
import { promptDefaults } from './mode-policy-defaults.js';
import { normalizeActorMode, type ActorMode } from './modes.js';

/** One tenant's entry for one mode (`VOZ_TENANT_MODE_POLICY_JSON`, validated in config). */
export interface ModePolicyEntry {
  openai_instructions?: string;
  greeting_style?: string;
  voice?: string;
  feature_allowlist?: readonly string[];
  feature_blocklist?: readonly string[];
  skill_allowlist?: readonly string[];
  skill_blocklist?: readonly string[];
}

export type TenantModePolicies = Readonly<Record<string, Partial<Record<ActorMode, ModePolicyEntry>>>>;

/** What policy needs to know about a feature: its manifest gate, vertical scope, tools, prompt fragments. */
export interface PolicyFeature {
  name: string;
  modes: readonly ActorMode[];
  ownerOnly: boolean;
  defaultEnabled: boolean;
  verticals?: readonly string[];
  /** Optional prompt fragments by mode (e.g. customer_greeting's client protocol). */
  prompt?: Partial<Record<ActorMode, { instructions?: string; greeting?: string }>>;
  tools: readonly string[];
}

/**
 * What the tenant's owner set (tenant settings), below the operator: the owner can only turn a
 * feature off or narrow its modes, and their greeting / instructions give way to the operator's
 * `VOZ_TENANT_MODE_POLICY_JSON` entry for that mode.
 */
export interface OwnerPolicy {
  /** By lower-cased feature name. */
  features?: Readonly<Record<string, { enabled?: boolean; modes?: readonly ActorMode[] }>>;
  prompts?: Partial<Record<ActorMode, { greeting?: string; instructions?: string }>>;
}

export interface PolicyTenant {
  id: string;
  displayName: string;
  vertical: string;
  owner?: OwnerPolicy;
}

export interface ModePolicyDecision {
  tenantId: string;
  actorMode: ActorMode;
  instructions: string;
  greeting: string;
  /** Undefined: the voice layer's default. */
  voice?: string;
  allowedFeatures: string[];
  allowedTools: string[];
  /** Null: every saved skill; else only these. */
  skillAllow: string[] | null;
  skillBlock: string[];
}

/**
 * Pure: `(tenant, actor_mode, config, features)` → what this session may say and do.
 * Computed once when a stream is admitted. Feature gating runs first (`resolveFeature`:
 * kill switch, modes, owner-only), then the tenant's allow/block lists; an owner-only
 * feature is never allowed for a client whatever the lists say.
 */
export function resolveModePolicy(
  tenant: PolicyTenant,
  actorMode: unknown,
  config: { modePolicy: TenantModePolicies; features: FeatureSwitches },
  features: readonly PolicyFeature[],
): ModePolicyDecision {
  const mode = normalizeActorMode(actorMode);
  const entry: ModePolicyEntry = config.modePolicy[tenant.id]?.[mode] ?? {};

  const allowed = features.filter((f) => {
    if (f.verticals && !f.verticals.includes(tenant.vertical)) return false;
    if (!operatorDecision(f, tenant.id, mode, config).allowed) return false;
    return ownerAllows(tenant.owner?.features?.[lower(f.name)], mode);
  });

  const defaults = promptDefaults(tenant.vertical, mode);
  const fragments = allowed.map((f) => f.prompt?.[mode]).filter((p) => p !== undefined);
  const own = tenant.owner?.prompts?.[mode];
  const instructions =
    entry.openai_instructions ??
    [
      defaults.instructions,
      ...fragments.map((p) => p.instructions).filter((s): s is string => !!s),
      ...(own?.instructions ? [`Instructions from the business:\n${own.instructions}`] : []),
    ].join('\n\n');
  const greeting = entry.greeting_style ?? (own?.greeting || undefined) ?? fragments.find((p) => p.greeting)?.greeting ?? defaults.greeting;

  return {
    tenantId: tenant.id,
    actorMode: mode,
    instructions: fill(instructions, tenant),
    greeting: fill(greeting, tenant),
    ...(entry.voice ? { voice: entry.voice } : {}),
    allowedFeatures: allowed.map((f) => f.name),
    allowedTools: allowed.flatMap((f) => f.tools),
    skillAllow: entry.skill_allowlist ? [...entry.skill_allowlist] : null,
    skillBlock: [...(entry.skill_blocklist ?? [])],
  };
}

export type OperatorDecision = FeatureDecision | { allowed: false; reason: 'not_in_allowlist' | 'blocklisted' };

/**
 * The operator's word on one feature for one mode: the environment's switches (`resolveFeature`:
 * kill switch, default, owner-only, modes), then the tenant's allow/block lists from
 * `VOZ_TENANT_MODE_POLICY_JSON`. The owner's own switches come after (`ownerAllows`).
 */
export function operatorDecision(
  feature: FeatureGate,
  tenantId: string,
  actorMode: unknown,
  config: { modePolicy: TenantModePolicies; features: FeatureSwitches },
): OperatorDecision {
  const mode = normalizeActorMode(actorMode);
  const gate = resolveFeature(feature, tenantId, mode, config.features);
  if (!gate.allowed) return gate;
  const entry: ModePolicyEntry = config.modePolicy[tenantId]?.[mode] ?? {};
  const name = lower(feature.name);
  if (entry.feature_allowlist && !entry.feature_allowlist.map(lower).includes(name)) return { allowed: false, reason: 'not_in_allowlist' };
  if ((entry.feature_blocklist ?? []).map(lower).includes(name)) return { allowed: false, reason: 'blocklisted' };
  return { allowed: true };
}

/** The owner's switch for one feature (tenant settings): it can only turn it off or narrow its modes. */
export function ownerAllows(own: { enabled?: boolean; modes?: readonly ActorMode[] } | undefined, mode: ActorMode): boolean {
  return own?.enabled !== false && (!own?.modes || own.modes.includes(mode));
}

/**
 * Start-time report of policy entries naming features that do not exist (likely typos).
 * Returned as messages; the caller logs them.
 */
export function unknownPolicyFeatures(policy: TenantModePolicies, featureNames: readonly string[]): string[] {
  const known = new Set(featureNames.map(lower));
  const problems: string[] = [];
  for (const [tenant, byMode] of Object.entries(policy)) {
    for (const [mode, entry] of Object.entries(byMode)) {
      for (const list of ['feature_allowlist', 'feature_blocklist'] as const) {
        for (const name of entry?.[list] ?? []) {
          if (!known.has(lower(name))) problems.push(`VOZ_TENANT_MODE_POLICY_JSON: ${tenant}.${mode}.${list} names unknown feature "${name}"`);
        }
      }
    }
  }
  return problems;
}

const lower = (s: string) => s.toLowerCase();

function fill(text: string, tenant: PolicyTenant): string {
  return text.replaceAll('{business}', tenant.displayName);
}
