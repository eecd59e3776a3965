import { z } from 'zod';
import { Email, NewPassword, Role } from './auth.js';
import { isTimeZone } from './time-zone.js';

/** Contract §8: the platform admin's API (`Authorization: Bearer $VOZ_ADMIN_TOKEN`). */

export const TenantId = z.string().regex(/^[a-z0-9][a-z0-9_-]{1,62}$/, 'lower-case letters, digits, _ and -, 2 to 63 long');
export const Vertical = z.enum(['restaurant', 'barbershop', 'generic']);
export type Vertical = z.infer<typeof Vertical>;
export const E164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be E.164, like +15550100001');
export const TimeZone = z.string().refine(isTimeZone, 'must be an IANA time zone, like America/New_York');
export const ActorMode = z.enum(['owner', 'client']);
export type ActorMode = z.infer<typeof ActorMode>;

export const CreateTenantRequest = z.object({
  id: TenantId,
  name: z.string().trim().min(1).max(200),
  vertical: Vertical,
  time_zone: TimeZone,
  phone_numbers: z.array(E164).max(20).default([]),
});
export type CreateTenantRequest = z.infer<typeof CreateTenantRequest>;

export const Tenant = z.object({
  id: z.string(),
  name: z.string(),
  vertical: Vertical,
  time_zone: z.string(),
  phone_numbers: z.array(z.string()),
  status: z.enum(['active', 'suspended']),
});
export type Tenant = z.infer<typeof Tenant>;

export const TenantList = z.object({ items: z.array(Tenant) });
export type TenantList = z.infer<typeof TenantList>;

/**
 * `DELETE /api/admin/tenants/:id`: the tenant stops existing for calls, sign-in and the API, its
 * numbers are freed, its event history is kept (the id stays taken). `?purge=true` also erases
 * every event and row of the tenant, after which the id can be used again.
 */
export const DeleteTenantQuery = z.object({ purge: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') });

export const IssueAccessCodeRequest = z.object({ actor_mode: ActorMode });
export type IssueAccessCodeRequest = z.infer<typeof IssueAccessCodeRequest>;

/** The one response that ever holds a code's digits. */
export const IssuedAccessCode = z.object({ id: z.string(), code: z.string().regex(/^\d{8}$/), actor_mode: ActorMode });
export type IssuedAccessCode = z.infer<typeof IssuedAccessCode>;

/** A code as listed afterwards: never its digits. `source`: `control_plane`, `seed`, … */
export const AccessCodeEntry = z.object({ id: z.string(), actor_mode: ActorMode, created_at: z.string().nullable(), source: z.string() });
export type AccessCodeEntry = z.infer<typeof AccessCodeEntry>;
export const AccessCodeList = z.object({ items: z.array(AccessCodeEntry) });
export type AccessCodeList = z.infer<typeof AccessCodeList>;

export const CreateOwnerRequest = z.object({
  email: Email,
  password: NewPassword,
  role: Role.default('owner'),
});
export type CreateOwnerRequest = z.infer<typeof CreateOwnerRequest>;

export const Owner = z.object({
  id: z.string(),
  email: z.string(),
  tenant_id: z.string(),
  role: Role,
  created_at: z.string(),
});
export type Owner = z.infer<typeof Owner>;

export const OwnerList = z.object({ items: z.array(Owner) });
export type OwnerList = z.infer<typeof OwnerList>;

/** The admin sets a user's password; every session of that user ends. */
export const ResetPasswordRequest = z.object({ password: NewPassword });
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequest>;
