import type { FeaturePorts } from '../../features/types.js';
import { speakDateTime } from '../../shared/speakable-time.js';
import type { JobHandler } from '../../storage/jobs.js';
import { toE164 } from '../../tenancy/tenant.js';
import { callerOf } from './projection.js';
import { CALL_MISSED, NOTIFICATION_QUEUED, notificationStream, type CallMissed, type NotificationQueued } from './events.js';

/** The owner notification of one missed call (pure). */
export function missedCallNotification(tenantId: string, call: CallMissed, at: Date, zone: string): NotificationQueued {
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
export function notifyJob(ports: FeaturePorts): JobHandler {
  return async (payload) => {
    const tenantId = String(payload.tenantId);
    const callSid = String(payload.callSid);
    const missed = (await ports.events.readStream({ type: 'call', id: callSid })).find((e) => e.type === CALL_MISSED);
    if (!missed) return;
    const tenant = await ports.db.selectFrom('tenants').select('time_zone').where('id', '=', tenantId).executeTakeFirst();
    const call = missed.payload as unknown as CallMissed;
    const from = call.from ?? (await callerOf(ports.db, missed.streamId));
    const notification = missedCallNotification(tenantId, { ...call, from }, missed.occurredAt, tenant?.time_zone ?? 'UTC');
    await ports.events.append({
      tenantId,
      stream: notificationStream(tenantId, notification.notificationId),
      events: [{ type: NOTIFICATION_QUEUED, payload: notification, occurredAt: missed.occurredAt, idempotencyKey: `notify:missed:${callSid}`, metadata: { actor_mode: 'system', call_sid: callSid, source: 'missed_call_capture' } }],
    });
  };
}
