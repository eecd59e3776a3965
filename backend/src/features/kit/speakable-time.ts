import { DateTime } from 'luxon';

/**
 * Parses what the model sends for a time: an ISO date-time, read in the tenant's zone when it has
 * no offset ("2026-12-01T15:30"), or with its own offset. Undefined when unreadable.
 */
export function parseLocalDateTime(text: string, zone: string): DateTime | undefined {
  const dt = DateTime.fromISO(text.trim(), { zone, setZone: false });
  return dt.isValid ? dt.setZone(zone) : undefined;
}

/** "Tuesday, December 1 at 3:30 PM": what the assistant can say aloud. */
export function speakDateTime(ms: number, zone: string, now?: number): string {
  const dt = DateTime.fromMillis(ms, { zone });
  const time = dt.toFormat(dt.minute === 0 ? 'h a' : 'h:mm a');
  if (now !== undefined) {
    const today = DateTime.fromMillis(now, { zone }).startOf('day');
    const days = Math.round(dt.startOf('day').diff(today, 'days').days);
    if (days === 0) return `today at ${time}`;
    if (days === 1) return `tomorrow at ${time}`;
  }
  return `${dt.toFormat('cccc, LLLL d')} at ${time}`;
}

/** Local ISO without offset, "2026-12-01T15:30", for tool results the model reads. */
export function localIso(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat("yyyy-LL-dd'T'HH:mm");
}

/** Cents → "$12.50" for speaking. */
export function speakCents(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`;
}
