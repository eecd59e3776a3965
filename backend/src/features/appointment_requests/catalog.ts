import { z } from 'zod';
import { OpeningHoursSchema, WeekdaySchema } from '../kit/opening-hours.js';

export const ServiceSchema = z.object({
  id: z.string().regex(/^[a-z0-9_-]+$/),
  name: z.string().min(1),
  durationMinutes: z.number().int().min(5).max(480),
  priceCents: z.number().int().nonnegative(),
});
export type Service = z.infer<typeof ServiceSchema>;

export const StaffSchema = z.object({
  id: z.string().regex(/^[a-z0-9_-]+$/),
  name: z.string().min(1),
  /** Weekdays (1 = Monday) this person does not work. */
  daysOff: z.array(WeekdaySchema).default([]),
});
export type Staff = z.infer<typeof StaffSchema>;

/** What a barbershop offers and when (event `appointment.catalog_published`). */
export const CatalogSchema = z.object({
  services: z.array(ServiceSchema).min(1),
  staff: z.array(StaffSchema).min(1),
  hours: OpeningHoursSchema,
  /** Appointments start on this grid (minutes after the hour). */
  slotMinutes: z.number().int().min(5).max(60).default(15),
  /** Earliest booking: now + lead. */
  leadMinutes: z.number().int().min(0).max(24 * 60).default(30),
  horizonDays: z.number().int().min(1).max(180).default(30),
});
export type Catalog = z.infer<typeof CatalogSchema>;
export type CatalogInput = z.input<typeof CatalogSchema>;

export function findService(catalog: Catalog, name: string): Service | undefined {
  const n = normalize(name);
  return catalog.services.find((s) => normalize(s.name) === n || s.id === n);
}

export function findStaff(catalog: Catalog, name: string): Staff | undefined {
  const n = normalize(name);
  return catalog.staff.find((s) => normalize(s.name) === n || s.id === n);
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}
