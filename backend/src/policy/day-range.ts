import { DateTime } from 'luxon';

/**
 * `from`/`to` calendar days (`to` inclusive) in the tenant's zone → the instants `[start, end)`
 * a list filters on. A day is the zone's day, so "today" is the owner's today, not UTC's.
 */
export function dayRange(zone: string, from?: string, to?: string): { start?: Date; end?: Date } {
  const day = (d: string) => DateTime.fromISO(d, { zone }).startOf('day');
  return {
    ...(from ? { start: day(from).toJSDate() } : {}),
    ...(to ? { end: day(to).plus({ days: 1 }).toJSDate() } : {}),
  };
}
