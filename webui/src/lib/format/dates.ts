import { DateTime, Duration } from 'luxon';

/** Dates are shown in the tenant's zone, whatever the browser's is. */
const inZone = (iso: string, zone: string) => DateTime.fromISO(iso, { setZone: false }).setZone(zone);

/** "Dec 1, 6:30 PM" (the year only when it is not this one). */
export function formatInstant(iso: string, zone: string, now: DateTime = DateTime.now()): string {
  const d = inZone(iso, zone);
  return d.hasSame(now.setZone(zone), 'year') ? d.toFormat('LLL d, h:mm a') : d.toFormat('LLL d yyyy, h:mm a');
}

/** "6:30 PM" */
export const formatTime = (iso: string, zone: string) => inZone(iso, zone).toFormat('h:mm a');

/** "Tue, Dec 1" for a calendar date (`2026-12-01`), which has no zone of its own. */
export const formatDay = (isoDate: string) => DateTime.fromISO(isoDate).toFormat('ccc, LLL d');

/** Short axis label: "Dec 1". */
export const formatDayShort = (isoDate: string) => DateTime.fromISO(isoDate).toFormat('LLL d');

/** The tenant's today as `2026-12-01`. */
export const todayIn = (zone: string, now: DateTime = DateTime.now()) => now.setZone(zone).toISODate()!;

/** A calendar date `days` before `isoDate`. */
export const minusDays = (isoDate: string, days: number) => DateTime.fromISO(isoDate).minus({ days }).toISODate()!;

/** 75 → "1:15"; 3700 → "1:01:40". */
export function formatDuration(seconds: number): string {
  const d = Duration.fromObject({ seconds: Math.max(0, Math.round(seconds)) });
  return seconds >= 3600 ? d.toFormat('h:mm:ss') : d.toFormat('m:ss');
}

/** 840 → "840 ms"; 1520 → "1.5 s". */
export const formatMs = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

/** `YYYY-MM` of the tenant's current month, and the label "December 2026". */
export const monthIn = (zone: string, now: DateTime = DateTime.now()) => now.setZone(zone).toFormat('yyyy-LL');
export const formatMonth = (period: string) => DateTime.fromFormat(period, 'yyyy-LL').toFormat('LLLL yyyy');
export const previousMonths = (period: string, count: number) =>
  Array.from({ length: count }, (_, i) => DateTime.fromFormat(period, 'yyyy-LL').minus({ months: i }).toFormat('yyyy-LL'));
