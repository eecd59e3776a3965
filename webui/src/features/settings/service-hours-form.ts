import { Weekday, type OpeningHours, type ServiceHours } from '@vozlia/contract';
import { HoursForm, hoursRowsOf, openingHoursOf, type HoursFormInput, type HoursFormValue } from './hours-form';

// The menu's and the catalog's hours are stored as ISO weekdays (1 = Monday) and minutes after
// midnight; the portal edits them in the opening hours' shape (`mon`, `HH:MM`), with the same rows.
const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const range = (r: { open: number; close: number }) => ({ open: clock(r.open), close: clock(r.close) });
const minutes = (r: { open: string; close: string }) => ({ open: minutesOf(r.open), close: minutesOf(r.close) });

/** Opening hours as a kitchen's or a shop's hours (dates keep their hours; their names are not stored there). */
export function serviceHoursOf(opening: OpeningHours): ServiceHours {
  return {
    weekly: opening.weekly.map((w) => ({ days: w.days.map((d) => Weekday.options.indexOf(d) + 1), ...minutes(w) })),
    overrides: opening.holidays.map((h) => ({ date: h.date, ranges: h.ranges.map(minutes) })),
  };
}

/** A kitchen's or a shop's hours in the opening hours' shape. */
export function openingShapeOf(hours: ServiceHours): OpeningHours {
  return {
    weekly: hours.weekly.map((w) => ({ days: w.days.map((d) => Weekday.options[d - 1]!), ...range(w) })),
    holidays: hours.overrides.map((o) => ({ date: o.date, ranges: o.ranges.map(range) })),
  };
}

/** The same rows as the opening hours, with at least one weekly row: no rows would take no orders or bookings at all. */
export const ServiceHoursForm = HoursForm.refine((v) => v.weekly.length > 0, { message: 'add at least one row of hours', path: ['weekly'] });

export const serviceHoursFormFrom = (hours: ServiceHours): HoursFormInput => hoursRowsOf(openingShapeOf(hours), false);
export const serviceHoursWithForm = (v: HoursFormValue): ServiceHours => serviceHoursOf(openingHoursOf(v));

/** Where a `PUT menu` or `PUT catalog` 400 on its hours lands on this form: `menu.hours.overrides.0.ranges` → `holidays.0.ranges`. */
export const hoursFieldOf =
  (prefix: 'menu.hours.' | 'catalog.hours.') =>
  (apiPath: string): string | null =>
    apiPath.startsWith(prefix) ? apiPath.slice(prefix.length).replace(/^overrides/, 'holidays') : null;
