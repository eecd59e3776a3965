import { z } from 'zod';


/*
 * Shapes the portal reads whose contract modules belong to other areas and have not landed in
 * @vozlia/contract yet: contract §8 (admin tenants, access codes, usage, invoices: admin.ts and
 * billing.ts) and the password change (auth.ts). Field names follow contract.md exactly; when
 * those modules land, import from there and delete this file.
 */

export const TenantVertical = z.enum(['restaurant', 'barbershop', 'generic']);

/** `POST /api/admin/tenants` (§8). */
export const CreateTenantRequest = z.object({
  id: z.string().trim().regex(/^[a-z0-9][a-z0-9_-]{1,62}$/, 'Lowercase letters, digits, - and _ (2 to 63)'),
  name: z.string().trim().min(1, 'Give the business a name').max(120),
  vertical: TenantVertical,
  time_zone: z.string().trim().min(1, 'Choose a time zone'),
  phone_numbers: z.array(z.string().regex(/^\+[1-9]\d{6,14}$/, 'Use E.164, like +15550100003')),
});
export type CreateTenantRequest = z.infer<typeof CreateTenantRequest>;

/** A tenant as `GET /api/admin/tenants` lists it (tolerant: extra fields are kept out). */
export const AdminTenant = z.object({
  id: z.string(),
  name: z.string().optional(),
  display_name: z.string().optional(),
  displayName: z.string().optional(),
  vertical: z.string(),
  time_zone: z.string().optional(),
  timeZone: z.string().optional(),
  phone_numbers: z.array(z.string()).optional(),
  phoneNumbers: z.array(z.string()).optional(),
  status: z.enum(['active', 'suspended']).optional(),
});
export type AdminTenant = z.infer<typeof AdminTenant>;

/** One view of a tenant whichever spelling the list used. */
export const tenantView = (t: AdminTenant) => ({
  id: t.id,
  name: t.name ?? t.display_name ?? t.displayName ?? t.id,
  vertical: t.vertical,
  zone: t.time_zone ?? t.timeZone ?? '',
  numbers: t.phone_numbers ?? t.phoneNumbers ?? [],
  status: t.status ?? 'active',
});
export const AdminTenantList = z.union([z.object({ items: z.array(AdminTenant) }), z.object({ tenants: z.array(AdminTenant) })]).transform((v) => ('items' in v ? v.items : v.tenants));

/** `POST …/access-codes` (§8): the code is in this answer only. */
export const IssueAccessCodeRequest = z.object({ actor_mode: z.enum(['owner', 'client']) });
export const IssuedAccessCode = z.object({ id: z.string(), code: z.string().regex(/^\d{8}$/), actor_mode: z.enum(['owner', 'client']) });
export type IssuedAccessCode = z.infer<typeof IssuedAccessCode>;
/** A code as listed afterwards: never its digits. */
export const AccessCodeEntry = z.object({ id: z.string(), actor_mode: z.enum(['owner', 'client']), created_at: z.string().nullable().optional(), source: z.string().optional() });
export type AccessCodeEntry = z.infer<typeof AccessCodeEntry>;
export const AccessCodeList = z.object({ items: z.array(AccessCodeEntry) });

/** `GET …/usage?period=YYYY-MM` (§8). */
export const Usage = z.object({
  period: z.string(),
  calls: z.number(),
  call_seconds: z.number(),
  billable_minutes: z.number(),
  ai_seconds: z.number(),
  sms_sent: z.number(),
  tool_runs: z.number(),
});
export type Usage = z.infer<typeof Usage>;

/** `GET …/invoices` (§8). */
export const InvoiceLine = z.object({ kind: z.string(), quantity: z.number(), unit_cents: z.number().int(), amount_cents: z.number().int() });
export const Invoice = z.object({ id: z.string(), tenant_id: z.string(), period: z.string(), status: z.string(), total_cents: z.number().int(), lines: z.array(InvoiceLine) });
export type Invoice = z.infer<typeof Invoice>;
export const InvoiceList = z.object({ items: z.array(Invoice) });

/** `POST /api/auth/password`: change one's own password (the server kills the other sessions). */
export const ChangePasswordRequest = z
  .object({
    current_password: z.string().min(1, 'Enter your current password'),
    new_password: z.string().min(8, 'At least 8 characters').max(256),
    confirm_password: z.string(),
  })
  .refine((v) => v.new_password === v.confirm_password, { path: ['confirm_password'], message: 'The two new passwords differ' });
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

/** `GET /api/admin/features` as the backend serves it today. */
export const AdminFeature = z.object({
  name: z.string(),
  description: z.string().optional(),
  declared_modes: z.array(z.string()),
  default_enabled: z.boolean().optional(),
  effective: z.object({ client: z.object({ allowed: z.boolean() }), owner: z.object({ allowed: z.boolean() }) }).optional(),
});
export const AdminFeatureList = z.object({ features: z.array(AdminFeature) });
export type AdminFeature = z.infer<typeof AdminFeature>;

