import { DateTime } from 'luxon';
import { openRanges, type Range } from '../kit/opening-hours.js';
import type { Catalog, Service } from './catalog.js';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** How far around the requested time alternatives are looked for. */
const SEARCH_BEFORE_MS = 2 * DAY_MS;
const SEARCH_AFTER_MS = 7 * DAY_MS;

/** An existing appointment that holds a chair. */
export interface Booking {
  staffId: string | null;
  start: number;
  end: number;
}

export type SlotCheck =
  | { ok: true; staffId: string }
  | { ok: false; reason: 'past' | 'too_far_ahead' | 'closed' | 'off_grid' | 'taken' | 'staff_off' };

export interface SlotQuery {
  catalog: Catalog;
  zone: string;
  now: number;
  service: Service;
  /** A specific barber, or any. */
  staffId?: string;
  bookings: readonly Booking[];
}

/**
 * Is [start, start + duration) bookable? Inside opening hours (weekly rules + dated overrides,
 * DST-correct), on the slot grid, not in the past, and a chair (the requested barber, else the
 * first free one) without an overlapping booking. Pure.
 */
export function checkSlot(q: SlotQuery, start: number, open?: readonly Range[]): SlotCheck {
  const end = start + q.service.durationMinutes * MINUTE_MS;
  if (start < q.now + q.catalog.leadMinutes * MINUTE_MS) return { ok: false, reason: 'past' };
  if (start > q.now + q.catalog.horizonDays * DAY_MS) return { ok: false, reason: 'too_far_ahead' };
  const ranges = open ?? openRanges(q.catalog.hours, q.zone, new Date(start - DAY_MS), new Date(end + DAY_MS));
  if (!ranges.some((r) => r.start <= start && end <= r.end)) return { ok: false, reason: 'closed' };
  const local = DateTime.fromMillis(start, { zone: q.zone });
  if ((local.hour * 60 + local.minute) % q.catalog.slotMinutes !== 0 || local.second !== 0) return { ok: false, reason: 'off_grid' };
  const candidates = q.catalog.staff.filter((s) => !q.staffId || s.id === q.staffId);
  const working = candidates.filter((s) => !s.daysOff.includes(local.weekday as 1));
  if (working.length === 0) return { ok: false, reason: 'staff_off' };
  const overlaps = (b: Booking) => b.start < end && start < b.end;
  // A booking without a barber holds one chair of the shop: count them against the free chairs.
  const unassigned = q.bookings.filter((b) => b.staffId === null && overlaps(b)).length;
  const free = working.filter((s) => !q.bookings.some((b) => b.staffId === s.id && overlaps(b)));
  const chairsLeft = q.catalog.staff.filter((s) => !s.daysOff.includes(local.weekday as 1) && !q.bookings.some((b) => b.staffId === s.id && overlaps(b))).length - unassigned;
  if (free.length === 0 || chairsLeft <= 0) return { ok: false, reason: 'taken' };
  return { ok: true, staffId: free[0]!.id };
}

export interface FreeSlot {
  start: number;
  staffId: string;
}

/** The `count` bookable starts nearest to `requested` (before or after), nearest first. Pure. */
export function nearestFreeSlots(q: SlotQuery, requested: number, count = 3): FreeSlot[] {
  const from = Math.max(q.now + q.catalog.leadMinutes * MINUTE_MS, requested - SEARCH_BEFORE_MS);
  const to = Math.min(q.now + q.catalog.horizonDays * DAY_MS, requested + SEARCH_AFTER_MS);
  if (to <= from) return [];
  const open = openRanges(q.catalog.hours, q.zone, new Date(from), new Date(to + q.service.durationMinutes * MINUTE_MS));
  const step = q.catalog.slotMinutes * MINUTE_MS;
  const found: FreeSlot[] = [];
  for (const r of open) {
    // Grid starts are local wall-clock multiples of the slot length; zones with whole-hour or
    // half-hour offsets keep those aligned with epoch multiples for 5–30 minute slots.
    for (let t = Math.ceil(Math.max(r.start, from) / step) * step; t + q.service.durationMinutes * MINUTE_MS <= r.end && t <= to; t += step) {
      const c = checkSlot(q, t, open);
      if (c.ok) found.push({ start: t, staffId: c.staffId });
    }
  }
  return found.sort((a, b) => Math.abs(a.start - requested) - Math.abs(b.start - requested) || a.start - b.start).slice(0, count);
}
