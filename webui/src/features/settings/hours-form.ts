import { OpeningHours, type TenantSettings, type TenantSettingsInput } from '@vozlia/contract';
import { z } from 'zod';
import { storedBody } from './assistant-form';

/**
 * Opening hours as a form: weekly rows (days, open, close) and dated closures, checked by the
 * contract's own schemas; "always open" is the API's `null`.
 */
export const HoursForm = z.object({ always_open: z.boolean(), weekly: OpeningHours.shape.weekly, holidays: OpeningHours.shape.holidays.unwrap() });
export type HoursFormInput = z.input<typeof HoursForm>;
export type HoursFormValue = z.output<typeof HoursForm>;

export const NEW_WEEKLY_ROW = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '09:00', close: '17:00' } as const;

export function hoursFormFrom(s: TenantSettings): HoursFormInput {
  return { always_open: s.opening_hours === null, weekly: s.opening_hours?.weekly ?? [], holidays: s.opening_hours?.holidays ?? [] };
}

/** The whole `PUT settings` body with these hours (a holiday's name left empty is left out). */
export function settingsWithHours(current: TenantSettings, v: HoursFormValue): TenantSettingsInput {
  return {
    ...storedBody(current),
    opening_hours: v.always_open ? null : { weekly: v.weekly, holidays: v.holidays.map((h) => ({ date: h.date, ranges: h.ranges, ...(h.name ? { name: h.name } : {}) })) },
  };
}
