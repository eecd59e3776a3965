import { z } from 'zod';
import type { StoredEvent, StreamRef, Trx } from '../storage/events.js';
import { NotificationFacts } from './facts.js';

/**
 * Builds a notification's facts from what the features write today: `notification.queued`
 * carries only a subject and references, so the order, appointment or call it points at is
 * read from the same transaction. A payload that carries `facts` (the coming `notify` port)
 * is taken as is. Parsed leniently: a feature's extra or renamed field skips, never throws.
 */
const Queued = z.object({
  kind: z.string(),
  facts: z.unknown().optional(),
  subject: z.string().optional(),
  body: z.string().optional(),
  channel: z.string().optional(),
  ref: z.record(z.string(), z.unknown()).optional(),
});

const OrderPlaced = z.object({
  orderId: z.string(),
  customerName: z.string().nullable().optional(),
  customerPhone: z.string().nullable().optional(),
  fulfillment: z.enum(['pickup', 'delivery']),
  requestedFor: z.string().nullable().optional(),
  deliveryAddress: z.string().nullable().optional(),
  lines: z.array(z.object({ itemName: z.string(), quantity: z.number(), options: z.array(z.string()).optional() })),
  totalCents: z.number(),
});

const AppointmentRequested = z.object({
  appointmentId: z.string(),
  customerName: z.string().nullable().optional(),
  customerPhone: z.string().nullable().optional(),
  service: z.string(),
  staff: z.string().nullable().optional(),
  startsAt: z.string(),
  priceCents: z.number().nullable().optional(),
});

/** `call.received` (stream = CallSid) holds the caller's number. */
const CallReceived = z.object({ from: z.string().nullable().optional() });

export interface SourcedNotification {
  facts: NotificationFacts;
  /** `ref.callSid` of the notification, when it belongs to a call. */
  callSid: string | null;
}

export async function notificationFacts(trx: Trx, event: StoredEvent): Promise<SourcedNotification | null> {
  const queued = Queued.safeParse(event.payload);
  if (!queued.success) return null;
  const p = queued.data;
  const callSid = typeof p.ref?.callSid === 'string' ? p.ref.callSid : null;
  const done = (facts: unknown) => {
    const parsed = NotificationFacts.safeParse(facts);
    return parsed.success ? { facts: parsed.data, callSid } : null;
  };
  if (p.facts !== undefined) return done(p.facts);

  switch (p.kind) {
    case 'order_placed': {
      const o = OrderPlaced.safeParse(await payloadOf(trx, { type: event.streamType, id: event.streamId }, 'order.placed', 'latest'));
      if (!o.success) return null;
      return done({
        type: 'order_placed',
        orderId: o.data.orderId,
        customerName: o.data.customerName ?? null,
        customerPhone: o.data.customerPhone ?? null,
        fulfillment: o.data.fulfillment,
        requestedFor: o.data.requestedFor ?? null,
        deliveryAddress: o.data.deliveryAddress ?? null,
        lines: o.data.lines.map((l) => ({ name: l.itemName, quantity: l.quantity, options: l.options ?? [] })),
        totalCents: o.data.totalCents,
      });
    }
    case 'appointment_requested': {
      const a = AppointmentRequested.safeParse(await payloadOf(trx, { type: event.streamType, id: event.streamId }, 'appointment.requested', 'latest'));
      if (!a.success) return null;
      return done({ type: 'appointment_requested', ...a.data, customerName: a.data.customerName ?? null, customerPhone: a.data.customerPhone ?? null, staff: a.data.staff ?? null, priceCents: a.data.priceCents ?? null });
    }
    case 'missed_call': {
      if (!callSid) return null;
      const received = CallReceived.safeParse(await payloadOf(trx, { type: 'call', id: callSid }, 'call.received', 'first'));
      const from = received.success ? (received.data.from ?? null) : null;
      return done({ type: 'missed_call', callSid, from: from && /^\+[1-9]\d{6,14}$/.test(from) ? from : null, at: event.occurredAt.toISOString() });
    }
    case 'skill_result':
      return done({ type: 'skill_result', subject: p.subject ?? 'Saved report', body: p.body ?? '', channel: p.channel });
    default:
      return null;
  }
}

/**
 * The payload of the first or latest event of `type` on a stream: the order or appointment
 * appended with the notification (same transaction), or the call's `call.received`.
 */
async function payloadOf(trx: Trx, stream: StreamRef, type: string, which: 'first' | 'latest'): Promise<unknown> {
  const row = await trx
    .selectFrom('events')
    .select('payload')
    .where('stream_type', '=', stream.type)
    .where('stream_id', '=', stream.id)
    .where('type', '=', type)
    .orderBy('version', which === 'first' ? 'asc' : 'desc')
    .executeTakeFirst();
  return row?.payload;
}
