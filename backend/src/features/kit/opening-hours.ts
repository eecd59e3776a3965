import { DateTime } from 'luxon';
import { MINUTES_PER_DAY, type ServiceHours as OpeningHours, type ServiceWeekday as Weekday } from '@vozlia/contract';

// The schemas live in the contract (the portal edits menus and catalogs with them); the math is here.
export {
  ServiceWeekday as WeekdaySchema,
  MinuteRange as DayRangeSchema,
  ServiceWeeklyRule as WeeklyRuleSchema,
  ServiceDateOverride as DateOverrideSchema,
  ServiceHours as OpeningHoursSchema,
} from '@vozlia/contract';
export type { OpeningHours, Weekday };

/** A half-open instant range [start, end) in epoch milliseconds. */
export interface Range {
  start: number;
  end: number;
}

/** "HH:MM" → minutes after midnight. */
export function hm(text: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!m) throw new Error(`not a time of day: ${text}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/**
 * Concrete open ranges between `from` and `to` in the tenant's zone. Each local date is
 * converted on its own, so the UTC offset is right on both sides of a DST change.
 */
export function openRanges(hours: OpeningHours, zone: string, from: Date, to: Date): Range[] {
  const out: Range[] = [];
  const overrides = new Map(hours.overrides.map((o) => [o.date, o.ranges]));
  let day = DateTime.fromJSDate(from, { zone }).startOf('day').minus({ days: 1 });
  const last = DateTime.fromJSDate(to, { zone }).startOf('day');
  for (; day <= last; day = day.plus({ days: 1 })) {
    const iso = day.toISODate()!;
    const ranges = overrides.get(iso) ?? hours.weekly.filter((r) => r.days.includes(day.weekday as Weekday));
    for (const r of ranges) {
      if (r.close <= r.open) continue;
      const start = localMinute(day, r.open);
      const end = localMinute(day, r.close);
      out.push({ start, end });
    }
  }
  return intersect(merge(out), [{ start: from.getTime(), end: to.getTime() }]);
}

function localMinute(day: DateTime, minute: number): number {
  if (minute === MINUTES_PER_DAY) return day.plus({ days: 1 }).startOf('day').toMillis();
  return day.set({ hour: Math.floor(minute / 60), minute: minute % 60, second: 0, millisecond: 0 }).toMillis();
}

/** Sorted, overlapping or touching ranges joined. */
export function merge(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

export function intersect(a: readonly Range[], b: readonly Range[]): Range[] {
  const out: Range[] = [];
  for (const x of merge(a)) {
    for (const y of merge(b)) {
      const start = Math.max(x.start, y.start);
      const end = Math.min(x.end, y.end);
      if (end > start) out.push({ start, end });
    }
  }
  return merge(out);
}

/** The first open range starting at or after `at`, if any. */
export function nextOpening(ranges: readonly Range[], at: number): Range | undefined {
  return merge(ranges).find((r) => r.end > at);
}
