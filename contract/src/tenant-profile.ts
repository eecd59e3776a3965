import { z } from 'zod';

/**
 * `GET /api/tenants/:tenant_id/profile` → `TenantProfile`: what the portal needs to lay itself
 * out for a business (its name, kind, time zone, and which portal areas are on).
 */
export const TenantVertical = z.enum(['restaurant', 'barbershop', 'generic']);
export type TenantVertical = z.infer<typeof TenantVertical>;

/** Portal areas that follow a feature switch; calls, audit and settings are always there. */
export const PortalArea = z.enum(['orders', 'appointments', 'analytics', 'knowledge_base']);
export type PortalArea = z.infer<typeof PortalArea>;

export const TenantProfile = z.object({
  id: z.string(),
  name: z.string(),
  vertical: TenantVertical,
  /** IANA zone: every date the portal shows is in it. */
  time_zone: z.string(),
  status: z.enum(['active', 'suspended']),
  /** The areas whose feature is on for this tenant. */
  areas: z.array(PortalArea),
});
export type TenantProfile = z.infer<typeof TenantProfile>;
