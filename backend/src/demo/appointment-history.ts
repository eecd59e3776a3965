import { DateTime } from 'luxon';
import { demoCallAppend, demoCallSid } from './calls.js';
import { demoPeople, pickCustomer } from './people.js';
import { openRanges } from '../features/kit/opening-hours.js';
import { mulberry32, seedFromString } from './prng.js';
import { speakCents } from '../features/kit/speakable-time.js';
import type { AppendRequest, EventInput } from '../storage/events.js';
import { checkSlot, type Booking } from '../features/appointment_requests/availability.js';
import type { Catalog } from '../features/appointment_requests/catalog.js';
import {
  APPOINTMENT_CANCELLED,
  APPOINTMENT_COMPLETED,
  APPOINTMENT_CONFIRMED,
  APPOINTMENT_NO_SHOW,
  APPOINTMENT_REQUESTED,
  appointmentStream,
  type AppointmentRequested,
} from '../features/appointment_requests/events.js';
import { SEED_META } from './demo-ports.js';

export const HISTORY_DAYS = 60;
const UPCOMING_DAYS = 7;
/** Appointments per weekday (1 = Monday, closed): Friday and Saturday are busiest. */
const PER_WEEKDAY: Record<number, number> = { 1: 0, 2: 2, 3: 3, 4: 3, 5: 4, 6: 5, 7: 2 };
const TRIES_PER_APPOINTMENT = 8;

export const historyMarker = (tenantId: string) => `seed:appointment-history:${tenantId}:v1`;

export interface HistoryInput {
  tenantId: string;
  zone: string;
  number: string;
  catalog: Catalog;
  now: Date;
}

/**
 * 60 days of appointments (mostly completed; some no-shows and cancellations) plus the coming
 * week's requested/confirmed ones, each booked by a call a few days before. Pure.
 */
export function generateAppointmentHistory(input: HistoryInput): AppendRequest[] {
  const rng = mulberry32(seedFromString(`${input.tenantId}:appointments`));
  const people = demoPeople(rng, 110, '+1555202');
  const today = DateTime.fromJSDate(input.now, { zone: input.zone }).startOf('day');
  const nowMs = today.toMillis();
  const out: AppendRequest[] = [];
  let n = 0;
  for (let d = -HISTORY_DAYS; d < UPCOMING_DAYS; d++) {
    const day = today.plus({ days: d });
    const open = openRanges(input.catalog.hours, input.zone, day.toJSDate(), day.plus({ days: 1 }).toJSDate());
    if (open.length === 0) continue;
    const bookings: Booking[] = [];
    const target = Math.max(0, PER_WEEKDAY[day.weekday]! + rng.int(-1, 1)) * (d >= 0 ? 0.6 : 1);
    for (let k = 0; k < target; k++) {
      const service = rng.weighted(input.catalog.services.map((s, i) => [s, i < 2 ? 4 : 1.5] as const));
      const staffId = rng.chance(0.4) ? rng.pick(input.catalog.staff).id : undefined;
      for (let attempt = 0; attempt < TRIES_PER_APPOINTMENT; attempt++) {
        const range = rng.pick(open);
        const slots = Math.floor((range.end - range.start) / (input.catalog.slotMinutes * 60_000));
        const start = range.start + rng.int(0, Math.max(0, slots - 1)) * input.catalog.slotMinutes * 60_000;
        const bookedAt = DateTime.fromMillis(start, { zone: input.zone }).minus({ days: rng.int(1, 5) }).set({ hour: rng.int(9, 18), minute: rng.int(0, 59) });
        if (bookedAt.toMillis() >= nowMs) continue;
        const check = checkSlot({ catalog: input.catalog, zone: input.zone, now: bookedAt.toMillis(), service, bookings, ...(staffId ? { staffId } : {}) }, start, open);
        if (!check.ok) continue;
        const end = start + service.durationMinutes * 60_000;
        bookings.push({ staffId: check.staffId, start, end });
        const i = n++;
        const customer = pickCustomer(rng, people);
        const staff = input.catalog.staff.find((s) => s.id === check.staffId)!;
        const appointmentId = `apt_demo_${String(i).padStart(5, '0')}`;
        const callSid = demoCallSid(input.tenantId, 'appointment', i);
        const data: AppointmentRequested = {
          tenantId: input.tenantId,
          appointmentId,
          callSid,
          customerName: customer.name,
          customerPhone: customer.phone,
          serviceId: service.id,
          service: service.name,
          staffId: staff.id,
          staff: staff.name,
          startsAt: new Date(start).toISOString(),
          endsAt: new Date(end).toISOString(),
          durationMinutes: service.durationMinutes,
          priceCents: service.priceCents,
          notes: null,
          source: 'seed',
        };
        const durationSeconds = rng.int(60, 200);
        const requestedAt = bookedAt.plus({ seconds: durationSeconds - 10 }).toJSDate();
        const ref = { tenantId: input.tenantId, appointmentId };
        const events: EventInput<object>[] = [
          { type: APPOINTMENT_REQUESTED, payload: data, occurredAt: requestedAt, ...(i === 0 ? { idempotencyKey: historyMarker(input.tenantId) } : {}), metadata: { ...SEED_META, call_sid: callSid } },
        ];
        const confirmedAt = new Date(requestedAt.getTime() + rng.int(10, 120) * 60_000);
        if (confirmedAt.getTime() < nowMs && rng.chance(0.9)) events.push({ type: APPOINTMENT_CONFIRMED, payload: ref, occurredAt: confirmedAt, metadata: SEED_META });
        if (end < nowMs) {
          const outcome = rng.weighted([['completed', 85], ['no_show', 6], ['cancelled', 9]] as const);
          const type = outcome === 'completed' ? APPOINTMENT_COMPLETED : outcome === 'no_show' ? APPOINTMENT_NO_SHOW : APPOINTMENT_CANCELLED;
          const at = outcome === 'cancelled' ? new Date(start - rng.int(2, 20) * 3_600_000) : new Date(end + 5 * 60_000);
          if (at.getTime() > requestedAt.getTime()) events.push({ type, payload: outcome === 'cancelled' ? { ...ref, reason: 'customer cancelled' } : ref, occurredAt: at, metadata: SEED_META });
        }
        out.push(
          demoCallAppend({
            callSid,
            tenantId: input.tenantId,
            from: customer.phone,
            to: input.number,
            startedAt: bookedAt.toJSDate(),
            durationSeconds,
            summary: `${customer.name} requested a ${service.name} with ${staff.name} on ${DateTime.fromMillis(start, { zone: input.zone }).toFormat("ccc LLL d 'at' h:mm a")} (${speakCents(service.priceCents)}).`,
          }),
        );
        out.push({ tenantId: input.tenantId, stream: appointmentStream(input.tenantId, appointmentId), expectedVersion: 'no_stream', events });
        break;
      }
    }
  }
  return out;
}
