import type { QuietHours } from '@vozlia/contract';
import { DateTime } from 'luxon';

const minuteOfDay = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Pure: when `now` falls in the tenant's quiet window (local times in its zone, possibly across
 * midnight), the instant the window ends; otherwise null. Recomputed per day, so DST is right.
 */
export function quietUntil(quiet: QuietHours | null, zone: string, now: Date): Date | null {
  if (!quiet) return null;
  const local = DateTime.fromJSDate(now, { zone });
  const minute = local.hour * 60 + local.minute;
  const start = minuteOfDay(quiet.start);
  const end = minuteOfDay(quiet.end);
  const crossesMidnight = start > end;
  const inside = crossesMidnight ? minute >= start || minute < end : minute >= start && minute < end;
  if (!inside) return null;
  const endDay = crossesMidnight && minute >= start ? local.plus({ days: 1 }) : local;
  const until = endDay.set({ hour: Math.floor(end / 60), minute: end % 60, second: 0, millisecond: 0 });
  return until.toJSDate();
}
