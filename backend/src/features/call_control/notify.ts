import { callStream, MESSAGE_RECORDED, type MessageRecorded } from '../../calls/call-events.js';
import type { JobHandler } from '../../storage/jobs.js';
import type { Reactor, StoredEvent, Trx } from '../../storage/events.js';
import { toE164 } from '../../tenancy/tenant.js';
import { notificationStream } from '../missed_call_capture/events.js';
import { NOTIFICATION_QUEUED, type NotificationQueued } from '../notification-events.js';
import type { FeaturePorts, InlineDeps } from '../types.js';
import { MESSAGE_NOTIFY_QUEUE } from './events.js';

/**
 * The owner's notification of a message left after an unanswered transfer (pure): the
 * notifications module's `transfer_unanswered` facts, with the reason and the recording link in
 * the message text (the facts have no fields of their own for them yet).
 */
export function messageNotification(m: MessageRecorded, at: Date): NotificationQueued & { facts: unknown } {
  const from = toE164(m.from ?? undefined) ?? null;
  const message = `${m.reason ? `Reason: ${m.reason}. ` : ''}Recording: ${m.recordingUrl}`;
  return {
    tenantId: m.tenantId,
    notificationId: `message:${m.callSid}`,
    kind: 'transfer_unanswered',
    channel: 'sms',
    subject: `Message from ${from ?? 'a withheld number'} after an unanswered transfer`,
    body: message,
    ref: { callSid: m.callSid, recordingUrl: m.recordingUrl },
    facts: { type: 'transfer_unanswered', callSid: m.callSid, from, at: at.toISOString(), message },
  };
}

/** `message.recorded` → a job (inline reactors only enqueue). */
export const messageReactors = ({ jobs }: InlineDeps): Reactor[] => [
  {
    name: 'call_control_message_notify',
    handles: [MESSAGE_RECORDED],
    async react(trx: Trx, event: StoredEvent) {
      const p = event.payload as Partial<MessageRecorded>;
      if (!p.callSid) return;
      await jobs.enqueue(MESSAGE_NOTIFY_QUEUE, { callSid: p.callSid }, { dedupeKey: `message:${p.callSid}`, maxAttempts: 5 }, trx);
    },
  },
];

/** Job: appends `notification.queued` for the recorded message, once (idempotency key per call). */
export function messageNotifyJob(ports: FeaturePorts<unknown>): JobHandler {
  return async (payload) => {
    const callSid = String(payload.callSid);
    const recorded = (await ports.events.readStream(callStream(callSid))).find((e) => e.type === MESSAGE_RECORDED);
    if (!recorded) return;
    const m = recorded.payload as unknown as MessageRecorded;
    const notification = messageNotification(m, recorded.occurredAt);
    await ports.events.append({
      tenantId: m.tenantId,
      stream: notificationStream(m.tenantId, notification.notificationId),
      events: [{ type: NOTIFICATION_QUEUED, payload: notification, occurredAt: recorded.occurredAt, idempotencyKey: `notify:message:${callSid}`, metadata: { actor_mode: 'system', call_sid: callSid, source: 'call_control' } }],
    });
  };
}
