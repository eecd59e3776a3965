import type { MessageStatus } from '@vozlia/contract';
import { sql, type Updateable } from 'kysely';
import type { Projection, StoredEvent, Trx } from '../storage/events.js';
import {
  MESSAGE_DEAD,
  MESSAGE_DELIVERED,
  MESSAGE_EVENT_TYPES,
  MESSAGE_FAILED,
  MESSAGE_HELD,
  MESSAGE_QUEUED,
  MESSAGE_SENT,
  type MessageDead,
  type MessageDelivered,
  type MessageFailed,
  type MessageHeld,
  type MessageQueued,
  type MessageSent,
} from './events.js';
import type { MessagesTable } from './tables.js';

/**
 * `messages`: one row per message with its latest state. Events of one message arrive in order
 * (one stream), except Twilio's delivery report, which may come before our `sent` is recorded:
 * `delivered` or `failed` then stays.
 */
export const messagesProjection: Projection = {
  name: 'messages',
  handles: MESSAGE_EVENT_TYPES,
  tables: ['messages'],
  async apply(trx: Trx, event: StoredEvent) {
    const at = event.occurredAt;
    const id = (event.payload as { messageId?: string }).messageId;
    if (!id) return;
    const update = (set: Updateable<MessagesTable>) =>
      trx.updateTable('messages').set(set).where('id', '=', id).where('tenant_id', '=', event.tenantId).execute();
    switch (event.type) {
      case MESSAGE_QUEUED: {
        const p = event.payload as unknown as MessageQueued;
        await trx
          .insertInto('messages')
          .values({
            id,
            tenant_id: event.tenantId,
            notification_id: p.notificationId,
            kind: p.kind,
            channel: p.channel,
            recipient: p.recipient,
            to_address: p.to,
            status: p.heldUntil ? 'held' : 'queued',
            subject: String(p.subject ?? '').slice(0, 500),
            urgent: !!p.urgent,
            attempts: 0,
            segments: 0,
            created_at: at,
            next_attempt_at: p.heldUntil ? new Date(p.heldUntil) : at,
            order_id: p.refs?.orderId ?? null,
            appointment_id: p.refs?.appointmentId ?? null,
            call_sid: p.refs?.callSid ?? null,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
        return;
      }
      case MESSAGE_HELD: {
        const p = event.payload as unknown as MessageHeld;
        await update({ status: 'held', next_attempt_at: new Date(p.heldUntil) });
        return;
      }
      case MESSAGE_SENT: {
        const p = event.payload as unknown as MessageSent;
        await trx
          .updateTable('messages')
          .set({
            status: sql<MessageStatus>`case when status in ('delivered', 'failed') then status else 'sent' end`,
            sent_at: at,
            segments: p.segments ?? 0,
            provider_ref: p.providerRef ?? null,
            attempts: p.attempt ?? 1,
            next_attempt_at: null,
            error_code: null,
          })
          .where('id', '=', id)
          .where('tenant_id', '=', event.tenantId)
          .execute();
        return;
      }
      case MESSAGE_DELIVERED: {
        const p = event.payload as unknown as MessageDelivered;
        await update({ status: 'delivered', delivered_at: at, provider_ref: p.providerRef ?? null, next_attempt_at: null });
        return;
      }
      case MESSAGE_FAILED: {
        const p = event.payload as unknown as MessageFailed;
        await update({
          status: p.retryable ? 'retrying' : 'failed',
          error_code: p.code ?? 'unknown',
          attempts: p.attempt ?? 0,
          next_attempt_at: p.nextAttemptAt ? new Date(p.nextAttemptAt) : null,
          ...(p.retryable ? {} : { failed_at: at }),
        });
        return;
      }
      case MESSAGE_DEAD: {
        const p = event.payload as unknown as MessageDead;
        await update({ status: 'dead', error_code: p.code ?? 'unknown', attempts: p.attempts ?? 0, next_attempt_at: null, failed_at: at });
        return;
      }
    }
  },
};
