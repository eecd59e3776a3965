import { z } from 'zod';
import { ServiceHours, ServiceWeekday } from './service-hours.js';

/**
 * `GET/PUT /api/tenants/:tenant_id/catalog` (PUT owner-only): what a barbershop offers and who
 * works when (event `appointment.catalog_published`). The next call's `request_appointment`
 * offers exactly these services.
 */
const Slug = z.string().regex(/^[a-z0-9_-]+$/, 'lower-case letters, digits, - and _ only');

export const ServiceSchema = z.object({
  id: Slug,
  name: z.string().trim().min(1, 'a name is needed').max(100),
  durationMinutes: z.number().int().min(5).max(480),
  priceCents: z.number().int().nonnegative(),
});
export type Service = z.infer<typeof ServiceSchema>;

export const StaffSchema = z.object({
  id: Slug,
  name: z.string().trim().min(1, 'a name is needed').max(100),
  /** Weekdays (1 = Monday) this person does not work. */
  daysOff: z.array(ServiceWeekday).default([]),
});
export type Staff = z.infer<typeof StaffSchema>;

/** Ids are how appointments name services and staff: each once. */
const uniqueIds = (rows: { id: string }[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    if (seen.has(r.id)) ctx.addIssue({ code: 'custom', message: 'another row has this id', path: [i, 'id'] });
    seen.add(r.id);
  });
};

/** What a barbershop offers and when (event `appointment.catalog_published`). */
export const CatalogSchema = z.object({
  services: z.array(ServiceSchema).min(1).superRefine(uniqueIds),
  staff: z.array(StaffSchema).min(1).superRefine(uniqueIds),
  hours: ServiceHours,
  /** Appointments start on this grid (minutes after the hour). */
  slotMinutes: z.number().int().min(5).max(60).default(15),
  /** Earliest booking: now + lead. */
  leadMinutes: z.number().int().min(0).max(24 * 60).default(30),
  horizonDays: z.number().int().min(1).max(180).default(30),
});
export type Catalog = z.infer<typeof CatalogSchema>;
export type CatalogInput = z.input<typeof CatalogSchema>;

/** What `GET catalog` answers, and `PUT catalog` takes and answers. */
export const CatalogDocument = z.object({ catalog: CatalogSchema });
export type CatalogDocumentInput = z.input<typeof CatalogDocument>;
export type CatalogDocument = z.output<typeof CatalogDocument>;
