import { isTimeZone } from '@vozlia/contract';
import { z } from 'zod';

export const VerticalSchema = z.enum(['restaurant', 'barbershop', 'generic']);

/** E.164: a plus and up to 15 digits. Numbers are compared in this form only. */
export const E164Schema = z.string().regex(/^\+[1-9]\d{6,14}$/, 'phone numbers must be E.164, like +15550100001');

export const TenantSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{1,62}$/),
  displayName: z.string().min(1),
  vertical: VerticalSchema,
  timeZone: z.string().refine(isTimeZone, 'unknown IANA time zone'),
  phoneNumbers: z.array(E164Schema),
  settings: z.record(z.string(), z.unknown()),
  /** Absent = active. A suspended tenant's calls get a short message and a hang-up. */
  status: z.enum(['active', 'suspended']).optional(),
});
export type Tenant = z.infer<typeof TenantSchema>;

/** Normalises what Twilio sends (`+1 555…`, spaces, dashes) to E.164, or undefined. */
export function toE164(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const cleaned = raw.replace(/[\s().-]/g, '');
  return E164Schema.safeParse(cleaned).success ? cleaned : undefined;
}
