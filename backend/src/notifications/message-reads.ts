import type { MessageListQuery, NotificationMessage } from '@vozlia/contract';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';
import type { MessageRow } from './tables.js';

/** Messages of one tenant for the API: newest first, keyset-paginated on (created_at, id). */
export async function listMessages(db: Kysely<Database>, tenantId: string, q: MessageListQuery): Promise<{ items: NotificationMessage[]; next_cursor: string | null }> {
  let query = db.selectFrom('messages').selectAll().where('tenant_id', '=', tenantId);
  if (q.status) query = query.where('status', '=', q.status);
  if (q.order_id) query = query.where('order_id', '=', q.order_id);
  if (q.appointment_id) query = query.where('appointment_id', '=', q.appointment_id);
  if (q.call_sid) query = query.where('call_sid', '=', q.call_sid);
  const cursor = q.cursor ? decodeCursor(q.cursor) : null;
  if (cursor) query = query.where(sql<boolean>`(created_at, id) < (${cursor.createdAt}, ${cursor.id})`);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return { items: page.map(toApiMessage), next_cursor: rows.length > q.limit && last ? encodeCursor(last) : null };
}

export async function getMessage(db: Kysely<Database>, tenantId: string, id: string): Promise<NotificationMessage | undefined> {
  const row = await db.selectFrom('messages').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return row ? toApiMessage(row) : undefined;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function toApiMessage(r: MessageRow): NotificationMessage {
  return {
    id: r.id,
    kind: r.kind,
    channel: r.channel,
    recipient: r.recipient,
    to: r.to_address,
    status: r.status,
    subject: r.subject,
    attempts: r.attempts,
    segments: r.segments,
    error_code: r.error_code,
    provider_ref: r.provider_ref,
    created_at: iso(r.created_at)!,
    next_attempt_at: iso(r.next_attempt_at),
    sent_at: iso(r.sent_at),
    delivered_at: iso(r.delivered_at),
    order_id: r.order_id,
    appointment_id: r.appointment_id,
    call_sid: r.call_sid,
  };
}

function encodeCursor(r: MessageRow): string {
  return Buffer.from(`${iso(r.created_at)}|${r.id}`).toString('base64url');
}

function decodeCursor(raw: string): { createdAt: Date; id: string } | null {
  const [at, id] = Buffer.from(raw, 'base64url').toString().split('|', 2);
  const createdAt = at ? new Date(at) : null;
  return createdAt && !Number.isNaN(createdAt.getTime()) && id ? { createdAt, id } : null;
}
