import { NOTIFICATION_QUEUED, type NotificationChannel, type NotificationQueued } from '../features/notification-events.js';
import type { EventInput, EventMetadata } from '../storage/events.js';
import { NotificationFacts, refsOf, type NotificationFactsInput } from './facts.js';

export interface NotifyRequest {
  tenantId: string;
  /** Unique per tenant, e.g. `order:<id>`: the portal list's key, so a retried append lists it once. */
  notificationId: string;
  facts: NotificationFactsInput;
  /** The portal's one-line subject; default: a plain line from the facts. */
  subject?: string;
  /** The call it belongs to: its messages are listed with the call. */
  callSid?: string | null;
  idempotencyKey?: string;
  occurredAt?: Date;
  metadata?: EventMetadata;
}

/** `notification.queued` as the port writes it: the legacy portal fields plus the typed facts. */
export type NotifyPayload = NotificationQueued & { facts: NotificationFacts };

/**
 * How features and call control tell people: the `notification.queued` event for `facts`, to be
 * appended in the same `events.append` as its cause. The outbox reactor runs inside that append's
 * transaction, so the messages exist iff the cause does. Facts are validated here: a malformed
 * one is a bug in the caller and throws before anything is written.
 */
export interface NotifyPort {
  queued(req: NotifyRequest): EventInput<NotifyPayload>;
}

export const notifyPort: NotifyPort = Object.freeze({
  queued(req: NotifyRequest): EventInput<NotifyPayload> {
    const facts = NotificationFacts.parse(req.facts);
    const ref = refOf(facts, req.callSid ?? null);
    const payload: NotifyPayload = {
      tenantId: req.tenantId,
      notificationId: req.notificationId,
      kind: facts.type,
      channel: portalChannelOf(facts),
      subject: (req.subject ?? defaultSubject(facts)).slice(0, 500),
      ref,
      facts,
    };
    return {
      type: NOTIFICATION_QUEUED,
      payload,
      ...(req.idempotencyKey ? { idempotencyKey: req.idempotencyKey } : {}),
      ...(req.occurredAt ? { occurredAt: req.occurredAt } : {}),
      ...(req.metadata ? { metadata: req.metadata } : {}),
    };
  },
});

/** `ref` as the portal list and `notification-source.ts` read it: the non-null references. */
function refOf(facts: NotificationFacts, callSid: string | null): Record<string, string> {
  return Object.fromEntries(Object.entries(refsOf(facts, callSid)).filter((e): e is [string, string] => e[1] !== null));
}

/** The older portal list's channel column (what the owner sees first). */
function portalChannelOf(facts: NotificationFacts): NotificationChannel {
  if (facts.type === 'skill_result') return facts.channel;
  return facts.type === 'order_placed' || facts.type === 'appointment_requested' ? 'portal' : 'sms';
}

const callerOf = (from: string | null) => from ?? 'a withheld number';

function defaultSubject(facts: NotificationFacts): string {
  switch (facts.type) {
    case 'order_placed':
      return `New ${facts.fulfillment} order ${facts.orderId}`;
    case 'appointment_requested':
      return `Appointment request: ${facts.service}${facts.customerName ? ` for ${facts.customerName}` : ''}`;
    case 'missed_call':
      return `Missed call from ${callerOf(facts.from)}`;
    case 'transfer_unanswered':
      return `Unanswered transfer from ${callerOf(facts.from)}${facts.recordingUrl ? ' (message left)' : ''}`;
    case 'message_recorded':
      return `Message from ${callerOf(facts.from)}`;
    case 'call_summary_ready':
      return `Call summary: ${callerOf(facts.from)}`;
    case 'skill_result':
      return facts.subject;
  }
}
