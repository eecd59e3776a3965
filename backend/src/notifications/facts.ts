import { z } from 'zod';

/**
 * What a notification says, per type: everything a template needs and nothing it must look up.
 * The payload of the `notify` port (`notification.queued` with `facts`); for events written
 * without it (older history), `notification-source.ts` assembles it from the cause.
 */
const Iso = z.iso.datetime({ offset: true });
const Phone = z.string().nullable();
const Url = z.url({ protocol: /^https?$/ });

export const OrderFacts = z.object({
  type: z.literal('order_placed'),
  orderId: z.string(),
  customerName: z.string().nullable(),
  customerPhone: Phone,
  fulfillment: z.enum(['pickup', 'delivery']),
  requestedFor: Iso.nullable(),
  deliveryAddress: z.string().nullable(),
  lines: z.array(z.object({ name: z.string(), quantity: z.number().int().positive(), options: z.array(z.string()).default([]) })).min(1),
  totalCents: z.number().int(),
});

export const AppointmentFacts = z.object({
  type: z.literal('appointment_requested'),
  appointmentId: z.string(),
  customerName: z.string().nullable(),
  customerPhone: Phone,
  service: z.string(),
  staff: z.string().nullable(),
  startsAt: Iso,
  priceCents: z.number().int().nullable(),
});

export const MissedCallFacts = z.object({
  type: z.literal('missed_call'),
  callSid: z.string(),
  /** E.164, or null when withheld. */
  from: Phone,
  at: Iso,
});

/**
 * Nobody answered a transfer (call control). Sent once, when the `<Record>` after the `<Dial>` is
 * over: with the recording when the caller left one, else `recordingUrl` null.
 */
export const TransferUnansweredFacts = z.object({
  type: z.literal('transfer_unanswered'),
  callSid: z.string(),
  from: Phone,
  at: Iso,
  /** Why the caller asked for a person (`transfer_call`'s reason). */
  reason: z.string().nullable().default(null),
  /** Twilio's `DialCallStatus`. */
  dialStatus: z.enum(['no-answer', 'busy', 'failed', 'canceled']).default('no-answer'),
  /** What the caller left, transcribed; null when they left nothing or nobody transcribed it. */
  message: z.string().nullable().default(null),
  /** Where the owner listens to it (https); null when the caller left no recording. */
  recordingUrl: Url.nullable().default(null),
  recordingSeconds: z.number().int().nonnegative().nullable().default(null),
});

/** A message left without a transfer attempt: outside opening hours, or the caller asked to. */
export const MessageRecordedFacts = z.object({
  type: z.literal('message_recorded'),
  callSid: z.string(),
  from: Phone,
  at: Iso,
  reason: z.string().nullable().default(null),
  recordingUrl: Url,
  recordingSeconds: z.number().int().nonnegative().nullable().default(null),
  transcript: z.string().nullable().default(null),
  cause: z.enum(['after_hours', 'caller_request']).default('after_hours'),
});

export const CallSummaryFacts = z.object({
  type: z.literal('call_summary_ready'),
  callSid: z.string(),
  from: Phone,
  summary: z.string(),
});

export const SkillResultFacts = z.object({
  type: z.literal('skill_result'),
  subject: z.string(),
  body: z.string(),
  /** The owner's choice when saving the skill; `portal` means nobody is messaged. */
  channel: z.enum(['sms', 'email', 'portal']),
});

export const NotificationFacts = z.discriminatedUnion('type', [
  OrderFacts,
  AppointmentFacts,
  MissedCallFacts,
  TransferUnansweredFacts,
  MessageRecordedFacts,
  CallSummaryFacts,
  SkillResultFacts,
]);
export type NotificationFacts = z.infer<typeof NotificationFacts>;
/** What a sender writes: fields with a default may be left out. */
export type NotificationFactsInput = z.input<typeof NotificationFacts>;
export type FactsOf<T extends NotificationFacts['type']> = Extract<NotificationFacts, { type: T }>;

/** Where the message belongs (shown with the order, appointment or call). */
export interface MessageRefs {
  orderId: string | null;
  appointmentId: string | null;
  callSid: string | null;
}

export function refsOf(facts: NotificationFacts, callSid: string | null): MessageRefs {
  switch (facts.type) {
    case 'order_placed':
      return { orderId: facts.orderId, appointmentId: null, callSid };
    case 'appointment_requested':
      return { orderId: null, appointmentId: facts.appointmentId, callSid };
    case 'missed_call':
    case 'transfer_unanswered':
    case 'message_recorded':
    case 'call_summary_ready':
      return { orderId: null, appointmentId: null, callSid: facts.callSid };
    case 'skill_result':
      return { orderId: null, appointmentId: null, callSid };
  }
}

/** The caller's number when the type has a caller to confirm to. */
export function customerPhoneOf(facts: NotificationFacts): string | null {
  return facts.type === 'order_placed' || facts.type === 'appointment_requested' ? facts.customerPhone : null;
}
