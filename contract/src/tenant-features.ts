import { z } from 'zod';
import { ActorMode } from './admin.js';
import { FeatureSetting } from './settings.js';

/**
 * `GET /api/tenants/:tenant_id/features` (owner-only): every feature that serves the tenant's
 * kind of business, what the operator allows per caller kind (and why not), what the owner set
 * in `settings.features`, and what the next call gets. The owner can only turn a feature off or
 * narrow its modes (`PUT settings`); the operator's limits win.
 */
export const OperatorGate = z.object({
  allowed: z.boolean(),
  /** Why the operator keeps it closed: `killed`, `off_by_default`, `owner_only`, `mode_not_declared`, `mode_narrowed`, `not_in_allowlist`, `blocklisted`. */
  reason: z.string().nullable(),
});
export type OperatorGate = z.infer<typeof OperatorGate>;

const PerMode = <T extends z.ZodType>(t: T) => z.object({ client: t, owner: t });

export const TenantFeature = z.object({
  name: z.string(),
  description: z.string(),
  /** The modes the feature's manifest declares. */
  modes: z.array(ActorMode),
  operator: PerMode(OperatorGate),
  /** The owner's stored switch (`{}` when never set). */
  tenant: FeatureSetting,
  /** On for the next call of that kind of caller. */
  effective: PerMode(z.boolean()),
});
export type TenantFeature = z.infer<typeof TenantFeature>;

export const TenantFeatureList = z.object({ items: z.array(TenantFeature) });
export type TenantFeatureList = z.infer<typeof TenantFeatureList>;
