import { z } from 'zod';

/**
 * The events metering reads, by name, and the parts of their payloads it uses. The names are
 * the backend's (calls/call-events.ts, the notifications and call-control modules); the
 * schemas are lenient on purpose: a recorded fact is never refused, bad parts count as zero.
 */
export const CALL_ENDED = 'call.ended';
export const CALL_RECORDED = 'call.recorded';
export const MESSAGE_SENT = 'message.sent';
export const TRANSFER_REQUESTED = 'transfer.requested';
export const TRANSFER_COMPLETED = 'transfer.completed';

export const METERED_EVENT_TYPES = [CALL_ENDED, CALL_RECORDED, MESSAGE_SENT, TRANSFER_REQUESTED, TRANSFER_COMPLETED] as const;

const seconds = z.number().finite().nonnegative().catch(0);

/** The status callback's `CallDuration`, null when Twilio gave none. */
export const CallEndedPayload = z.object({ durationSeconds: seconds.nullable().catch(null) });

/**
 * Sessions that end before the Realtime socket is opened (backend voice/call-session.ts): no
 * OpenAI key (the caller hears the TwiML apology), or a stream start that fails its token check.
 */
export const NO_REALTIME_END_REASONS: ReadonlySet<string> = new Set(['no_api_key', 'start_mismatch']);

/**
 * The voice layer's call record: the session opens the Realtime socket as it starts and closes
 * it as it ends, so `endedAt − startedAt` is the socket's open time; and its tool runs.
 */
export const CallRecordedPayload = z.object({
  startedAt: z.iso.datetime({ offset: true }).nullable().catch(null),
  endedAt: z.iso.datetime({ offset: true }).nullable().catch(null),
  endReason: z.string().nullable().catch(null).default(null),
  toolCalls: z.array(z.object({ name: z.string().catch('unknown') }).catch({ name: 'unknown' })).catch([]),
});

/** Notifications: one event per message handed to a provider. */
export const MessageSentPayload = z.object({
  channel: z.enum(['sms', 'email', 'webhook']).nullable().catch(null),
  segments: z.number().int().positive().catch(1),
});
