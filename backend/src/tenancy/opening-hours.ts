import type { OpeningHours, Weekday } from '@vozlia/contract';
import { DateTime } from 'luxon';

const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * Pure: is the business open at `at`, in `zone`? A holiday's ranges replace the weekly rules of
 * its date (none = closed). Ranges never span midnight (the schema says so), so only the local
 * date of `at` matters, and luxon gives its offset right on DST days.
 */
export function isOpenAt(hours: OpeningHours, zone: string, at: Date): boolean {
  const local = DateTime.fromJSDate(at, { zone });
  if (!local.isValid) return true;
  const date = local.toISODate();
  const holiday = hours.holidays.find((h) => h.date === date);
  const weekday = WEEKDAYS[local.weekday - 1]!;
  const ranges = holiday ? holiday.ranges : hours.weekly.filter((r) => r.days.includes(weekday));
  const now = local.toFormat('HH:mm');
  return ranges.some((r) => r.open <= now && now < r.close);
}
