import { CALL_MISSED, SHARED_TENANT } from '../../calls/call-events.js';
import type { Projection, Reactor, StoredEvent, Trx } from '../../storage/events.js';
import { toE164 } from '../../tenancy/tenant.js';
import { NOTIFICATION_QUEUED, type NotificationQueued } from '../notification-events.js';
import type { CoreReads, InlineDeps } from '../types.js';
import { NOTIFY_QUEUE } from './events.js';
import type { MissedCallFacts } from './notify.js';
import './tables.js';

/**
 * `missed_calls`: every missed call of a known tenant, with the caller's number (on the call's
 * own `call.received`: `call.missed` carries none; read from the stream, so a rebuild agrees).
 */
export const missedCallsProjection = (reads: CoreReads): Projection => ({
  name: 'missed_calls',
  handles: [CALL_MISSED],
  tables: ['missed_calls'],
  async apply(trx: Trx, event: StoredEvent) {
    const p = event.payload as Partial<MissedCallFacts>;
    if (event.tenantId === SHARED_TENANT || !p.callSid) return;
    const from = p.from ?? (await reads.within(trx).calls.callerOf(event.streamId));
    await trx
      .insertInto('missed_calls')
      .values({ call_sid: p.callSid, tenant_id: event.tenantId, from_number: toE164(from ?? undefined) ?? null, reason: p.reason ?? null, missed_at: event.occurredAt })
      .onConflict((oc) => oc.column('call_sid').doNothing())
      .execute();
  },
});

/** `notifications`: what the owner is (to be) told, from `notification.queued` of any feature. */
export const notificationsProjection: Projection = {
  name: 'notifications',
  handles: [NOTIFICATION_QUEUED],
  tables: ['notifications'],
  async apply(trx: Trx, event: StoredEvent) {
    const p = event.payload as unknown as NotificationQueued;
    if (!p.notificationId) return;
    await trx
      .insertInto('notifications')
      .values({
        id: `${event.tenantId}:${p.notificationId}`,
        tenant_id: event.tenantId,
        kind: p.kind ?? 'other',
        channel: p.channel ?? 'portal',
        status: 'queued',
        subject: String(p.subject ?? '').slice(0, 500),
        created_at: event.occurredAt,
        sent_at: null,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  },
};

/**
 * A live missed call → a job that queues the owner's notification (reactors only enqueue).
 * Seeded history writes its own notifications, so it is skipped here.
 */
export const missedCallReactors = ({ jobs }: InlineDeps): Reactor[] => [
  {
    name: 'missed_call_notify',
    handles: [CALL_MISSED],
    async react(trx: Trx, event: StoredEvent) {
      const p = event.payload as Partial<MissedCallFacts>;
      if (event.tenantId === SHARED_TENANT || !p.callSid || event.metadata.source === 'seed') return;
      await jobs.enqueue(NOTIFY_QUEUE, { tenantId: event.tenantId, callSid: p.callSid, position: event.position }, { dedupeKey: `missed:${p.callSid}`, maxAttempts: 5 }, trx);
    },
  },
];
