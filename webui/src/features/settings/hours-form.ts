import { DayRange, Holiday, WeeklyHours, type OpeningHours, type TenantSettings, type TenantSettingsInput } from '@vozlia/contract';
import { z } from 'zod';
import { storedBody } from './assistant-form';

/**
 * A time input cannot show 24:00, so midnight as a closing time is typed 00:00 and stored as
 * 24:00 (a range never ends at the midnight it starts from).
 */
const Closes = z.string().transform((t) => (t === '00:00' ? '24:00' : t));
const shownClose = (t: string) => (t === '24:00' ? '00:00' : t);

const RangeRow = z.object({ open: z.string(), close: Closes }).pipe(DayRange);
const WeeklyRow = z.object({ days: z.array(z.string()), open: z.string(), close: Closes }).pipe(WeeklyHours);
const DateRow = Holiday.extend({ date: z.iso.date({ message: 'choose a date' }), ranges: z.array(RangeRow).max(4) });

/**
 * Hours as a form: weekly rows (days, open, close) and dated exceptions (closed all day, or other
 * hours that day), checked by the contract's own schemas. "Always open" is the opening hours'
 * `null`; the menu's and the catalog's hours have no such choice.
 */
export const HoursForm = z.object({
  always_open: z.boolean(),
  weekly: z.array(WeeklyRow).max(21),
  // One row per date: a second would replace the first's hours where they are applied.
  holidays: z
    .array(DateRow)
    .max(366)
    .superRefine((rows, ctx) => {
      const seen = new Set<string>();
      rows.forEach((r, i) => {
        if (seen.has(r.date)) ctx.addIssue({ code: 'custom', message: 'this date is already listed: give it more hours there', path: [i, 'date'] });
        seen.add(r.date);
      });
    }),
});
export type HoursFormInput = z.input<typeof HoursForm>;
export type HoursFormValue = z.output<typeof HoursForm>;

export const NEW_WEEKLY_ROW = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '09:00', close: '17:00' } as const;
export const NEW_DAY_RANGE = { open: '09:00', close: '13:00' } as const;

/** Hours as the form shows them (no hours = the form's empty rows). */
export function hoursRowsOf(hours: OpeningHours | null, alwaysOpen: boolean): HoursFormInput {
  return {
    always_open: alwaysOpen,
    weekly: (hours?.weekly ?? []).map((w) => ({ ...w, close: shownClose(w.close) })),
    holidays: (hours?.holidays ?? []).map((h) => ({ date: h.date, name: h.name ?? '', ranges: h.ranges.map((r) => ({ ...r, close: shownClose(r.close) })) })),
  };
}

export const hoursFormFrom = (s: TenantSettings): HoursFormInput => hoursRowsOf(s.opening_hours, s.opening_hours === null);

/** The rows as opening hours (a date's name left empty is left out). */
export const openingHoursOf = (v: HoursFormValue): OpeningHours => ({
  weekly: v.weekly,
  holidays: v.holidays.map((h) => ({ date: h.date, ranges: h.ranges, ...(h.name ? { name: h.name } : {}) })),
});

/** The whole `PUT settings` body with these hours. */
export function settingsWithHours(current: TenantSettings, v: HoursFormValue): TenantSettingsInput {
  return { ...storedBody(current), opening_hours: v.always_open ? null : openingHoursOf(v) };
}
