import { createHash } from 'node:crypto';
import type { NotificationChannel } from '@vozlia/contract';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { AppendRequest, EventInput, Reactor, StoredEvent, Trx } from '../storage/events.js';
import { MAX_ATTEMPTS } from './backoff.js';
import { isOptedOut } from './consent-projection.js';
import { customerPhoneOf, refsOf } from './facts.js';
import { moneyStyle, type TenantStyle } from './format.js';
import { notificationFacts } from './notification-source.js';
import { MESSAGE_FAILED, MESSAGE_QUEUED, messageStream, NOTIFICATION_QUEUED, type MessageFailed, type MessageQueued } from './events.js';
import { resolveDelivery, type Audience, type PlannedDelivery } from './policy.js';
import { readSettingsRow, settingsValue } from './settings.js';
import type { OutboxBody } from './tables.js';
import { renderNotification, type RenderedNotification } from './templates/index.js';

/** Appends to several streams inside the caller's transaction (the event store's `appendManyIn`). */
export type AppendIn = (trx: Trx, reqs: readonly AppendRequest[]) => Promise<unknown>;

export interface OutboxReactorDeps {
  appendIn: AppendIn;
  available: Readonly<Record<NotificationChannel, boolean>>;
  /** `TWILIO_SMS_FROM`: the sender when a tenant has no dedicated number. */
  smsFrom: string | undefined;
  clock: () => Date;
  log: Logger;
  /** Whose messages the operator's feature switches allow for a tenant (default: everybody's). */
  audience?: (tenantId: string) => Audience;
}

/** Events before a tenant is known; they have nobody to tell. */
const NO_TENANT = '_shared';

/**
 * `notification.queued` → one outbox row and one `message.queued` per recipient and channel,
 * in the transaction that appends the notification (so a message exists iff its cause does).
 * A failure here never costs the caller's order: the work runs under a savepoint that is rolled
 * back alone, and the notification stays recorded for a replay.
 */
export function outboxReactor(deps: OutboxReactorDeps): Reactor {
  return {
    name: 'notifications_outbox',
    handles: [NOTIFICATION_QUEUED],
    async react(trx: Trx, event: StoredEvent) {
      // Seeded history describes the past; nobody is told about it again.
      if (event.tenantId === NO_TENANT || event.metadata.source === 'seed') return;
      await sql`savepoint voz_notify`.execute(trx);
      try {
        const queued = await enqueue(trx, event, deps);
        await sql`release savepoint voz_notify`.execute(trx);
        if (queued > 0) deps.log.info({ event: 'messages_queued', tenantId: event.tenantId, cause: event.id, count: queued }, 'messages queued');
      } catch (err) {
        await sql`rollback to savepoint voz_notify`.execute(trx);
        deps.log.error({ err, event: 'messages_not_queued', tenantId: event.tenantId, cause: event.id }, 'notification could not be queued');
      }
    },
  };
}

async function enqueue(trx: Trx, event: StoredEvent, deps: OutboxReactorDeps): Promise<number> {
  const tenant = await trx
    .selectFrom('tenants')
    .select(['display_name', 'vertical', 'time_zone', 'phone_numbers', 'settings'])
    .where('id', '=', event.tenantId)
    .executeTakeFirst();
  const settingsRow = await readSettingsRow(trx, event.tenantId);
  const settings = settingsValue(settingsRow);
  // A tenant that never set up its notifications sends nothing, not even to its callers.
  if (!tenant || !settings) return 0;
  const sourced = await notificationFacts(trx, event);
  if (!sourced) {
    deps.log.warn({ event: 'notification_unreadable', tenantId: event.tenantId, cause: event.id, kind: (event.payload as { kind?: unknown }).kind }, 'notification skipped: nothing to tell from it');
    return 0;
  }
  const { facts, callSid } = sourced;
  const now = deps.clock();
  const caller = customerPhoneOf(facts);
  const plan = resolveDelivery({
    facts,
    settings,
    zone: tenant.time_zone,
    now,
    available: deps.available,
    customerOptedOut: caller ? await isOptedOut(trx, event.tenantId, caller) : false,
    ...(deps.audience ? { audience: deps.audience(event.tenantId) } : {}),
  });
  if (plan.length === 0) return 0;

  const style: TenantStyle = {
    name: tenant.display_name,
    vertical: tenant.vertical as TenantStyle['vertical'],
    zone: tenant.time_zone,
    ...moneyStyle(tenant.settings),
  };
  const rendered = renderNotification(facts, { style, now: event.occurredAt });
  const smsFrom = tenant.phone_numbers[0] ?? deps.smsFrom ?? null;
  const refs = refsOf(facts, callSid);
  const notificationId = `${event.tenantId}:${String((event.payload as { notificationId?: unknown }).notificationId ?? event.id)}`;
  // One insert for every message's outbox row and one append for their streams: a notice is
  // a couple of messages, and each statement is a round trip (a call's after-work is mostly these).
  const planned = plan.map((delivery) => {
    const dedupeKey = `${event.id}:${delivery.recipient}:${delivery.channel}:${delivery.to}`;
    const messageId = `msg_${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 24)}`;
    const body = bodyFor(delivery, rendered, event);
    const from = delivery.channel === 'sms' ? smsFrom : null;
    const blocked = delivery.blocked ?? (delivery.channel === 'sms' && !from ? 'no_sender' : null);
    return { delivery, dedupeKey, messageId, body, from, blocked };
  });
  // The same recipient, channel and address twice is one message.
  const messages = planned.filter((m, i) => planned.findIndex((o) => o.messageId === m.messageId) === i);
  const inserted = await trx
    .insertInto('outbox')
    .values(
      messages.map(({ delivery, dedupeKey, messageId, body, from, blocked }) => ({
        id: messageId,
        tenant_id: event.tenantId,
        channel: delivery.channel,
        recipient: delivery.recipient,
        kind: facts.type,
        to_address: delivery.to,
        from_address: from,
        body: JSON.stringify(body),
        dedupe_key: dedupeKey,
        status: blocked ? 'failed' : 'queued',
        urgent: delivery.urgent,
        max_attempts: MAX_ATTEMPTS,
        run_at: delivery.heldUntil ?? now,
        last_error: blocked,
        created_at: now,
      })),
    )
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .execute();
  const fresh = new Set(inserted.map((r) => r.id));
  const appends: AppendRequest[] = messages
    .filter((m) => fresh.has(m.messageId))
    .map(({ delivery, messageId, body, blocked }) => {
      const queuedEvent: MessageQueued = {
        messageId,
        tenantId: event.tenantId,
        notificationId,
        causeEventId: event.id,
        kind: facts.type,
        channel: delivery.channel,
        recipient: delivery.recipient,
        to: delivery.to,
        subject: subjectOf(body),
        urgent: delivery.urgent,
        heldUntil: delivery.heldUntil?.toISOString() ?? null,
        refs,
      };
      const events: EventInput<object>[] = [{ type: MESSAGE_QUEUED, payload: queuedEvent, occurredAt: now, metadata: { source: 'notifications', cause: event.id } }];
      if (blocked) {
        const failed: MessageFailed = { messageId, tenantId: event.tenantId, channel: delivery.channel, code: blocked, retryable: false, attempt: 0, nextAttemptAt: null };
        events.push({ type: MESSAGE_FAILED, payload: failed, occurredAt: now, metadata: { source: 'notifications' } });
      }
      return { tenantId: event.tenantId, stream: messageStream(event.tenantId, messageId), expectedVersion: 'no_stream', events };
    });
  if (appends.length > 0) await deps.appendIn(trx, appends);
  return appends.length;
}

function bodyFor(d: PlannedDelivery, r: RenderedNotification, cause: StoredEvent): OutboxBody {
  switch (d.channel) {
    case 'sms':
      return { kind: 'sms', text: d.recipient === 'customer' ? (r.customerSms ?? r.ownerSms) : r.ownerSms };
    case 'email':
      return { kind: 'email', subject: r.ownerEmail.subject, text: r.ownerEmail.text };
    case 'webhook':
      return { kind: 'webhook', type: r.webhook.type, occurredAt: cause.occurredAt.toISOString(), data: r.webhook.data };
  }
}

/** What the message list shows: the SMS text, the email subject, the webhook event type. */
function subjectOf(body: OutboxBody): string {
  switch (body.kind) {
    case 'sms':
      return body.text;
    case 'email':
      return body.subject;
    case 'webhook':
      return body.type;
  }
}
