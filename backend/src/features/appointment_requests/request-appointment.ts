import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { localIso, parseLocalDateTime, speakCents, speakDateTime } from '../kit/speakable-time.js';
import type { AppendRequest, EventMetadata } from '../../storage/events.js';
import type { FeaturePorts } from '../types.js';
import { toE164, type Tenant } from '../../tenancy/tenant.js';
import { checkSlot, nearestFreeSlots, type SlotQuery } from './availability.js';
import { findService, findStaff, type Catalog } from './catalog.js';
import { decide, initial } from './decider.js';
import { appointmentStream, type AppointmentRequested } from './events.js';
import type { AppointmentStore } from './store.js';

const DAY_MS = 86_400_000;
const ALTERNATIVES = 3;

export const RequestAppointmentArgsSchema = z.object({
  service: z.string().min(1),
  preferred_time: z.string().min(1).max(40),
  staff: z.string().max(60).optional(),
  customer_name: z.string().trim().min(1).max(100),
  callback_number: z.string().max(30).optional(),
  notes: z.string().max(500).optional(),
});

export interface Alternative {
  starts_at: string;
  staff: string;
  say: string;
}

export type RequestAppointmentResult =
  | { ok: true; appointment_id: string; status: 'requested'; service: string; staff: string; starts_at: string; price_cents: number; say: string }
  | {
      ok: false;
      error: 'invalid_arguments' | 'no_catalog' | 'unknown_service' | 'unknown_staff' | 'bad_time' | 'past' | 'too_far_ahead' | 'closed' | 'taken' | 'staff_off' | 'off_grid';
      message: string;
      alternatives?: Alternative[];
    };

export interface RequestAppointmentInput {
  tenant: Tenant;
  args: unknown;
  source: 'voice' | 'portal';
  callSid?: string;
  callerNumber?: string;
  metadata?: EventMetadata;
}

const REASON: Record<string, string> = {
  past: 'That time is too soon or already passed.',
  too_far_ahead: "We don't book that far ahead yet.",
  closed: "We're closed then.",
  taken: 'That time is already taken.',
  staff_off: "That barber isn't working that day.",
  off_grid: 'Appointments start on the quarter hour.',
};

/**
 * Checks hours and existing bookings and records the request, or returns the nearest free
 * slots to offer. The check and the append share one transaction under a per-tenant lock.
 */
export async function requestAppointment(ports: Pick<FeaturePorts<AppointmentStore>, 'store' | 'clock' | 'notify'>, input: RequestAppointmentInput): Promise<RequestAppointmentResult> {
  const parsed = RequestAppointmentArgsSchema.safeParse(input.args);
  if (!parsed.success) return { ok: false, error: 'invalid_arguments', message: 'Sorry, I need the service, the time and your name to book.' };
  const args = parsed.data;
  const { tenant } = input;
  const catalog = await ports.store.catalog(tenant.id);
  if (!catalog) return { ok: false, error: 'no_catalog', message: "Sorry, I can't book appointments by phone right now." };
  const service = findService(catalog, args.service);
  if (!service) return { ok: false, error: 'unknown_service', message: `Sorry, we don't offer "${args.service}". We offer ${catalog.services.map((s) => s.name).join(', ')}.` };
  const wantsAnyone = !args.staff || /^(any|anyone|no preference)$/i.test(args.staff.trim());
  const staff = wantsAnyone ? undefined : findStaff(catalog, args.staff!);
  if (!wantsAnyone && !staff) return { ok: false, error: 'unknown_staff', message: `Sorry, nobody called ${args.staff} works here. Our barbers are ${catalog.staff.map((s) => s.name).join(', ')}.` };
  const when = parseLocalDateTime(args.preferred_time, tenant.timeZone);
  if (!when) return { ok: false, error: 'bad_time', message: 'Sorry, I did not catch the day and time. When would you like to come in?' };
  const start = when.toMillis();
  const now = ports.clock().getTime();

  const window = { from: new Date(start - 3 * DAY_MS), to: new Date(start + 8 * DAY_MS) };
  return ports.store.book<RequestAppointmentResult>(tenant.id, window, (bookings) => {
    const q: SlotQuery = { catalog, zone: tenant.timeZone, now, service, bookings, ...(staff ? { staffId: staff.id } : {}) };
    const check = checkSlot(q, start);
    if (!check.ok) {
      const alternatives = nearestFreeSlots(q, start, ALTERNATIVES).map((s) => alternative(catalog, tenant.timeZone, now, s.start, s.staffId));
      const offer = alternatives.length ? ` The nearest free times are ${alternatives.map((a) => a.say).join('; or ')}.` : ' I could not find a free time near then.';
      return { result: { ok: false, error: check.reason, message: `${REASON[check.reason]}${offer}`, alternatives } };
    }
    const chosen = catalog.staff.find((s) => s.id === check.staffId)!;
    const appointmentId = `apt_${randomBytes(6).toString('hex')}`;
    const data: AppointmentRequested = {
      tenantId: tenant.id,
      appointmentId,
      callSid: input.callSid ?? null,
      customerName: args.customer_name,
      customerPhone: toE164(args.callback_number) ?? input.callerNumber ?? null,
      serviceId: service.id,
      service: service.name,
      staffId: chosen.id,
      staff: chosen.name,
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + service.durationMinutes * 60_000).toISOString(),
      durationMinutes: service.durationMinutes,
      priceCents: service.priceCents,
      notes: args.notes?.trim() || null,
      source: input.source,
    };
    const spoken = speakDateTime(start, tenant.timeZone, now);
    const meta = input.metadata ? { metadata: input.metadata } : {};
    // Owner SMS and email, the caller's confirmation: outbox rows in the request's transaction.
    const notification = ports.notify.queued({
      tenantId: tenant.id,
      notificationId: `appointment:${appointmentId}`,
      callSid: data.callSid,
      subject: `Appointment request: ${service.name} with ${chosen.name}, ${spoken}, for ${args.customer_name}`,
      facts: {
        type: 'appointment_requested',
        appointmentId,
        customerName: data.customerName,
        customerPhone: data.customerPhone,
        service: data.service,
        staff: data.staff,
        startsAt: data.startsAt,
        priceCents: data.priceCents,
      },
      ...meta,
    });
    const append: AppendRequest = {
      tenantId: tenant.id,
      stream: appointmentStream(tenant.id, appointmentId),
      expectedVersion: 'no_stream',
      events: [
        ...decide({ type: 'RequestAppointment', data }, initial()).map((e) => ({ type: e.type, payload: e.data, ...meta })),
        notification,
      ],
    };
    const result: RequestAppointmentResult = {
      ok: true,
      appointment_id: appointmentId,
      status: 'requested',
      service: service.name,
      staff: chosen.name,
      starts_at: localIso(start, tenant.timeZone),
      price_cents: service.priceCents,
      say: `You're booked for a ${service.name} with ${chosen.name} ${spoken}. It's ${speakCents(service.priceCents)}. The shop will confirm by text.`,
    };
    return { result, append };
  });
}

function alternative(catalog: Catalog, zone: string, now: number, start: number, staffId: string): Alternative {
  const staff = catalog.staff.find((s) => s.id === staffId)!;
  return { starts_at: localIso(start, zone), staff: staff.name, say: `${speakDateTime(start, zone, now)} with ${staff.name}` };
}
