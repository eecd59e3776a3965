import { CALL_MISSED, callStream } from '../../calls/call-events.js';
import type { JobHandler } from '../../storage/jobs.js';
import { toE164 } from '../../tenancy/tenant.js';
import { speakDateTime } from '../kit/speakable-time.js';
import { NOTIFICATION_QUEUED, type NotificationQueued } from '../notification-events.js';
import type { FeaturePorts } from '../types.js';
import { notificationStream } from './events.js';

/** What the owner is told about one missed call. */
export interface MissedCallFacts {
  callSid: string;
  /** The caller's number, when known. */
  from?: string | null;
  reason?: string | null;
}

/** The owner notification of one missed call (pure). */
export function missedCallNotification(tenantId: string, call: MissedCallFacts, at: Date, zone: string): NotificationQueued {
  const from = toE164(call.from ?? undefined);
  return {
    tenantId,
    notificationId: `missed:${call.callSid}`,
    kind: 'missed_call',
    channel: 'sms',
    subject: `Missed call ${from ? `from ${from}` : 'from a withheld number'} ${speakDateTime(at.getTime(), zone)}${call.reason ? ` (${call.reason.replaceAll('_', ' ')})` : ''}`,
    ref: { callSid: call.callSid },
  };
}

/** Job: appends `notification.queued` for a missed call, once (idempotency key per call). */
export function notifyJob(ports: FeaturePorts<unknown>): JobHandler {
  return async (payload) => {
    const tenantId = String(payload.tenantId);
    const callSid = String(payload.callSid);
    const missed = (await ports.events.readStream(callStream(callSid))).find((e) => e.type === CALL_MISSED);
    if (!missed) return;
    const tenant = await ports.reads.tenants.get(tenantId);
    const call = missed.payload as Partial<MissedCallFacts>;
    const from = call.from ?? (await ports.reads.calls.callerOf(callSid));
    const notification = missedCallNotification(tenantId, { ...call, callSid, from }, missed.occurredAt, tenant?.timeZone ?? 'UTC');
    await ports.events.append({
      tenantId,
      stream: notificationStream(tenantId, notification.notificationId),
      events: [{ type: NOTIFICATION_QUEUED, payload: notification, occurredAt: missed.occurredAt, idempotencyKey: `notify:missed:${callSid}`, metadata: { actor_mode: 'system', call_sid: callSid, source: 'missed_call_capture' } }],
    });
  };
}
