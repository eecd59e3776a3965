import { CALL_MISSED, callStream } from '../../calls/call-events.js';
import type { JobHandler } from '../../storage/jobs.js';
import { toE164 } from '../../tenancy/tenant.js';
import { speakDateTime } from '../kit/speakable-time.js';
import type { FeaturePorts, NotifyRequest } from '../types.js';
import { notificationStream } from './events.js';

/** What the owner is told about one missed call. */
export interface MissedCallFacts {
  callSid: string;
  /** The caller's number, when known. */
  from?: string | null;
  reason?: string | null;
}

/** The owner notification of one missed call (pure): the caller's number and the time. */
export function missedCallNotification(tenantId: string, call: MissedCallFacts, at: Date, zone: string): NotifyRequest {
  const from = toE164(call.from ?? undefined) ?? null;
  return {
    tenantId,
    notificationId: `missed:${call.callSid}`,
    callSid: call.callSid,
    subject: `Missed call ${from ? `from ${from}` : 'from a withheld number'} ${speakDateTime(at.getTime(), zone)}${call.reason ? ` (${call.reason.replaceAll('_', ' ')})` : ''}`,
    facts: { type: 'missed_call', callSid: call.callSid, from, at: at.toISOString() },
    occurredAt: at,
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
      events: [
        ports.notify.queued({ ...notification, idempotencyKey: `notify:missed:${callSid}`, metadata: { actor_mode: 'system', call_sid: callSid, source: 'missed_call_capture' } }),
      ],
    });
  };
}
