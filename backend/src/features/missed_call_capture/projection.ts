import type { Clock } from '../../features/types.js';
import type { JobQueue } from '../../storage/jobs.js';
import type { Projection, Reactor, StoredEvent, Trx } from '../../storage/events.js';
import { toE164 } from '../../tenancy/tenant.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import { CALL_MISSED, CALL_RECEIVED, NOTIFICATION_QUEUED, NOTIFY_QUEUE, type CallMissed, type NotificationQueued } from './events.js';
import './tables.js';

const NO_TENANT = '_shared';

/** `missed_calls`: every missed call of a known tenant, with the caller's number. */
export const missedCallsProjection: Projection = {
  name: 'missed_calls',
  handles: [CALL_MISSED],
  tables: ['missed_calls'],
  async apply(trx: Trx, event: StoredEvent) {
    const p = event.payload as unknown as CallMissed;
    if (event.tenantId === NO_TENANT || !p.callSid) return;
    const from = p.from ?? (await callerOf(trx, event.streamId));
    await trx
      .insertInto('missed_calls')
      .values({ call_sid: p.callSid, tenant_id: event.tenantId, from_number: toE164(from ?? undefined) ?? null, reason: p.reason ?? null, missed_at: event.occurredAt })
      .onConflict((oc) => oc.column('call_sid').doNothing())
      .execute();
  },
};

/** `call.missed` carries no number: it is on the same stream's `call.received` (deterministic on replay). */
export async function callerOf(db: Trx | Kysely<Database>, streamId: string): Promise<string | null> {
  const row = await db
    .selectFrom('events')
    .select('payload')
    .where('stream_type', '=', 'call')
    .where('stream_id', '=', streamId)
    .where('type', '=', CALL_RECEIVED)
    .executeTakeFirst();
  const from = row?.payload.from;
  return typeof from === 'string' ? from : null;
}

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
export const missedCallReactors = ({ jobs }: { jobs: JobQueue; clock: Clock }): Reactor[] => [
  {
    name: 'missed_call_notify',
    handles: [CALL_MISSED],
    async react(trx: Trx, event: StoredEvent) {
      const p = event.payload as unknown as CallMissed;
      if (event.tenantId === NO_TENANT || !p.callSid || event.metadata.source === 'seed') return;
      await jobs.enqueue(NOTIFY_QUEUE, { tenantId: event.tenantId, callSid: p.callSid, position: event.position }, { dedupeKey: `missed:${p.callSid}`, maxAttempts: 5 }, trx);
    },
  },
];
