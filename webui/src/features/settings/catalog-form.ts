import { ServiceSchema, StaffSchema, type Catalog, type CatalogDocumentInput } from '@vozlia/contract';
import { z } from 'zod';
import { Dollars, dollarsOf, NewRowId, WholeNumber, withIds } from './row-values';

const service = ServiceSchema.shape;
const staff = StaffSchema.shape;

/** Checkbox values, Monday first, as the catalog's ISO weekdays (1 = Monday). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const DaysOff = z.array(z.enum(WEEKDAYS)).transform((days) => days.map((d) => WEEKDAYS.indexOf(d) + 1));

/**
 * Services (name, length, price in dollars) and staff (name, days off) as a form, each field
 * checked by the contract's schema; hours (a form of their own, `service-hours-form.ts`) and booking rules
 * are kept as stored.
 */
export const CatalogForm = z.object({
  services: z.array(z.object({ id: NewRowId, name: service.name, duration: WholeNumber.pipe(service.durationMinutes), price: Dollars.pipe(service.priceCents) })).min(1, 'offer at least one service'),
  staff: z.array(z.object({ id: NewRowId, name: staff.name, days_off: DaysOff.pipe(staff.daysOff.unwrap()) })).min(1, 'name at least one person'),
});
export type CatalogFormInput = z.input<typeof CatalogForm>;
export type CatalogFormValue = z.output<typeof CatalogForm>;

export const NEW_SERVICE: CatalogFormInput['services'][number] = { id: '', name: '', duration: '30', price: '' };
export const NEW_STAFF: CatalogFormInput['staff'][number] = { id: '', name: '', days_off: [] };

export function catalogFormFrom(c: Catalog): CatalogFormInput {
  return {
    services: c.services.map((s) => ({ id: s.id, name: s.name, duration: String(s.durationMinutes), price: dollarsOf(s.priceCents) })),
    staff: c.staff.map((p) => ({ id: p.id, name: p.name, days_off: p.daysOff.map((d) => WEEKDAYS[d - 1]!) })),
  };
}

/** The whole `PUT catalog` body: these services and staff over the stored catalog; new rows get ids from their names. */
export function catalogWithForm(current: Catalog, v: CatalogFormValue): CatalogDocumentInput {
  return {
    catalog: {
      ...current,
      services: withIds(v.services).map((s) => ({ id: s.id, name: s.name, durationMinutes: s.duration, priceCents: s.price })),
      staff: withIds(v.staff).map((p) => ({ id: p.id, name: p.name, daysOff: p.days_off })),
    },
  };
}

/** Where a `PUT catalog` 400 lands on this form: `catalog.services.0.priceCents` → `services.0.price`. */
export function catalogFieldOf(apiPath: string): string | null {
  if (!/^catalog\.(services|staff)/.test(apiPath)) return null;
  return apiPath
    .slice('catalog.'.length)
    .replace(/\.priceCents$/, '.price')
    .replace(/\.durationMinutes$/, '.duration')
    .replace(/\.daysOff(\.\d+)?$/, '.days_off')
    .replace(/\.id$/, '.name');
}
