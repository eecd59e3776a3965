import { DateTime } from 'luxon';
import type { Preset, TimeRangeSpec } from './query-spec.js';

/** A resolved window: from inclusive, to exclusive; both null = unbounded side. */
export interface TimeWindow {
  from: DateTime | null;
  to: DateTime | null;
}

export type WindowResult = { ok: true; window: TimeWindow } | { ok: false; error: string };

/**
 * Presets in the tenant's zone. Calendar arithmetic is luxon's, so a day that is 23 or 25 hours
 * long (DST) is still one day. Weeks start on Monday (ISO). `last_7_days` / `last_30_days` are
 * the N calendar days ending with today, today included.
 */
export function presetWindow(preset: Preset, now: Date, zone: string): TimeWindow {
  const local = DateTime.fromJSDate(now, { zone });
  const today = local.startOf('day');
  switch (preset) {
    case 'today':
      return { from: today, to: today.plus({ days: 1 }) };
    case 'yesterday':
      return { from: today.minus({ days: 1 }), to: today };
    case 'this_week': {
      const start = local.startOf('week');
      return { from: start, to: start.plus({ weeks: 1 }) };
    }
    case 'last_week': {
      const start = local.startOf('week');
      return { from: start.minus({ weeks: 1 }), to: start };
    }
    case 'last_7_days':
      return { from: today.minus({ days: 6 }), to: today.plus({ days: 1 }) };
    case 'last_30_days':
      return { from: today.minus({ days: 29 }), to: today.plus({ days: 1 }) };
    case 'this_month': {
      const start = local.startOf('month');
      return { from: start, to: start.plus({ months: 1 }) };
    }
    case 'last_month': {
      const start = local.startOf('month');
      return { from: start.minus({ months: 1 }), to: start };
    }
    case 'this_year': {
      const start = local.startOf('year');
      return { from: start, to: start.plus({ years: 1 }) };
    }
    case 'all_time':
      return { from: null, to: null };
  }
}

/** An ISO date or date-time; without an offset it is read in the tenant's zone. */
export function parseLocalInstant(value: string, zone: string): DateTime | undefined {
  const dt = DateTime.fromISO(value.trim(), { zone, setZone: false });
  return dt.isValid ? dt.setZone(zone) : undefined;
}

export function resolveWindow(range: TimeRangeSpec, now: Date, zone: string): WindowResult {
  const hasBounds = range.from !== null || range.to !== null;
  if (range.preset !== null && hasBounds) {
    return { ok: false, error: 'time_range: give either a preset or from/to, not both (set the other to null)' };
  }
  if (range.preset !== null) return { ok: true, window: presetWindow(range.preset, now, zone) };
  if (!hasBounds) return { ok: false, error: 'time_range: give a preset or from/to dates, or set time_range to null' };
  const from = range.from === null ? null : parseLocalInstant(range.from, zone);
  const to = range.to === null ? null : parseLocalInstant(range.to, zone);
  if (from === undefined) return { ok: false, error: `time_range.from "${range.from}" is not an ISO date like 2026-11-01` };
  if (to === undefined) return { ok: false, error: `time_range.to "${range.to}" is not an ISO date like 2026-11-08` };
  if (from && to && to <= from) return { ok: false, error: 'time_range: to must be after from (to is exclusive)' };
  return { ok: true, window: { from, to } };
}

/** Days covered, for work caps; an open side counts as unbounded. */
export function windowDays(w: TimeWindow): number {
  if (!w.from || !w.to) return Number.POSITIVE_INFINITY;
  return w.to.diff(w.from, 'days').days;
}

/** The window as the result states it: ISO instants in the tenant's zone plus a speakable label. */
export function describeWindow(w: TimeWindow | null): { from: string | null; to: string | null; label: string } | null {
  if (!w || (!w.from && !w.to)) return null;
  const from = w.from?.toISO() ?? null;
  const to = w.to?.toISO() ?? null;
  const day = (d: DateTime) => d.toFormat('cccc, LLLL d, yyyy');
  const lastDay = w.to ? (w.to.equals(w.to.startOf('day')) ? w.to.minus({ days: 1 }) : w.to) : null;
  let label: string;
  if (w.from && lastDay) {
    label = w.from.hasSame(lastDay, 'day') ? `on ${day(w.from)}` : `from ${day(w.from)} to ${day(lastDay)}`;
  } else if (w.from) label = `since ${day(w.from)}`;
  else label = `until ${day(lastDay!)}`;
  return { from, to, label };
}
