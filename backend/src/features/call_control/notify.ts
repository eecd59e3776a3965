import {
  callStream,
  MESSAGE_RECORDED,
  TRANSFER_UNANSWERED,
  type MessageRecorded,
  type TransferUnanswered,
} from '../../calls/call-events.js';
import type { NotificationFactsInput } from '../../notifications/facts.js';
import type { JobHandler } from '../../storage/jobs.js';
import type { Reactor, StoredEvent, Trx } from '../../storage/events.js';
import { toE164 } from '../../tenancy/tenant.js';
import { notificationStream } from '../missed_call_capture/events.js';
import type { FeaturePorts, InlineDeps, NotifyRequest } from '../types.js';
import { MESSAGE_NOTIFY_QUEUE } from './events.js';

const DIAL_STATUSES = ['no-answer', 'busy', 'failed', 'canceled'] as const;
type DialStatus = (typeof DIAL_STATUSES)[number];
const dialStatusOf = (s: string | undefined): DialStatus => (DIAL_STATUSES as readonly string[]).includes(s ?? '') ? (s as DialStatus) : 'failed';

/**
 * The owner's notification of a message the caller left (pure): after an unanswered transfer
 * (`transfer_unanswered`, with Twilio's last dial status), else outside opening hours, where a
 * transfer goes straight to the recorder (`message_recorded`). The recording link, the caller's
 * number and the reason are fields of the facts, so every channel's template and the webhook
 * carry them, and the notifications module applies contacts, quiet hours and the outbox.
 */
export function messageNotification(m: MessageRecorded, at: Date, unanswered: Pick<TransferUnanswered, 'status'> | null): NotifyRequest {
  const common = {
    callSid: m.callSid,
    from: toE164(m.from ?? undefined) ?? m.from ?? null,
    at: at.toISOString(),
    reason: m.reason || null,
    recordingUrl: m.recordingUrl,
    recordingSeconds: m.durationSeconds === null ? null : Math.max(0, Math.round(m.durationSeconds)),
  };
  const facts: NotificationFactsInput = unanswered
    ? { type: 'transfer_unanswered', ...common, dialStatus: dialStatusOf(unanswered.status) }
    : { type: 'message_recorded', ...common, cause: 'after_hours' };
  return { tenantId: m.tenantId, notificationId: `message:${m.callSid}`, facts, callSid: m.callSid };
}

/** `message.recorded` → a job (inline reactors only enqueue); seeded history tells nobody. */
export const messageReactors = ({ jobs }: InlineDeps): Reactor[] => [
  {
    name: 'call_control_message_notify',
    handles: [MESSAGE_RECORDED],
    async react(trx: Trx, event: StoredEvent) {
      const p = event.payload as Partial<MessageRecorded>;
      if (!p.callSid || event.metadata.source === 'seed') return;
      await jobs.enqueue(MESSAGE_NOTIFY_QUEUE, { callSid: p.callSid }, { dedupeKey: `message:${p.callSid}`, maxAttempts: 5 }, trx);
    },
  },
];

/** Job: the `notify` port's `notification.queued` for the recorded message, once (idempotency key per call). */
export function messageNotifyJob(ports: FeaturePorts<unknown>): JobHandler {
  return async (payload) => {
    const callSid = String(payload.callSid);
    const history = await ports.events.readStream(callStream(callSid));
    const recorded = history.find((e) => e.type === MESSAGE_RECORDED);
    if (!recorded) return;
    const m = recorded.payload as unknown as MessageRecorded;
    const unanswered = history.findLast((e) => e.type === TRANSFER_UNANSWERED)?.payload as unknown as TransferUnanswered | undefined;
    const request = messageNotification(m, recorded.occurredAt, unanswered ?? null);
    await ports.events.append({
      tenantId: m.tenantId,
      stream: notificationStream(m.tenantId, request.notificationId),
      events: [
        ports.notify.queued({
          ...request,
          occurredAt: recorded.occurredAt,
          idempotencyKey: `notify:message:${callSid}`,
          metadata: { actor_mode: 'system', call_sid: callSid, source: 'call_control' },
        }),
      ],
    });
  };
}
