import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { EventStore } from '../storage/event-store.js';
import type { EventInput, Trx } from '../storage/events.js';
import type { Database } from '../storage/schema.js';
import { nextPollDelay } from '../storage/jobs.js';
import { retryDelayMs } from './backoff.js';
import { FAILED_AT_ONCE, type OutboundMessage, type SendResult } from './channels/channel.js';
import type { Channels } from './channels/create-channels.js';
import { isOptedOut } from './consent-projection.js';
import {
  MESSAGE_DEAD,
  MESSAGE_FAILED,
  MESSAGE_HELD,
  MESSAGE_SENT,
  messageStream,
  type MessageDead,
  type MessageFailed,
  type MessageHeld,
  type MessageSent,
} from './events.js';
import { quietUntil } from './quiet-hours.js';
import { smsLength } from './sms-segments.js';
import { DEFAULT_RATE_LIMITS, takeRateLimits, type RateLimit, type RateLimits } from './rate-limit.js';
import { readSettingsRow, removeGoneWebhook, settingsValue, signingSecrets } from './settings.js';
import type { OutboxRow } from './tables.js';

/** A claim not acknowledged within this is taken again: the worker holding it is presumed dead. */
export const LOCK_EXPIRY_MS = 5 * 60_000;

export interface OutboxWorkerOptions {
  db: Kysely<Database>;
  events: EventStore;
  channels: Channels;
  clock: () => Date;
  log: Logger;
  limits?: RateLimits;
  /** Jitter source in [0, 1). */
  random?: () => number;
  workerId?: string;
  pollMs?: number;
  /** Idle polls back off from `pollMs` doubling up to this (default 4 × pollMs): on embedded PGlite every poll runs on the event loop the calls' audio shares. */
  maxIdlePollMs?: number;
  batchSize?: number;
  lockExpiryMs?: number;
}

type Claimed = OutboxRow & { previous_status: string; previous_locked_at: Date | null };

/**
 * Drains the outbox at least once: claims due rows with `FOR UPDATE SKIP LOCKED` (several
 * instances share the work), re-checks STOP and quiet hours, waits for the rate limits, sends
 * outside any transaction, then records the outcome and its event in one transaction.
 * A row whose claim expired (the worker died mid-send) is taken again; the channel is first
 * asked whether the provider already has it (`findSent`), so only providers that cannot tell
 * get it twice (see README: delivery guarantees).
 */
export class OutboxWorker {
  readonly #o: Required<Omit<OutboxWorkerOptions, 'limits'>> & { limits: RateLimits };
  #abort = new AbortController();
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> | undefined;
  #stopped = true;

  constructor(opts: OutboxWorkerOptions) {
    this.#o = {
      limits: DEFAULT_RATE_LIMITS,
      random: Math.random,
      workerId: `outbox-${randomUUID()}`,
      pollMs: 1_000,
      maxIdlePollMs: (opts.pollMs ?? 1_000) * 4,
      batchSize: 10,
      lockExpiryMs: LOCK_EXPIRY_MS,
      ...opts,
    };
    if (this.#o.batchSize < 1 || this.#o.pollMs < 1) throw new RangeError('batchSize and pollMs must be positive');
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#abort = new AbortController();
    const maxIdle = this.#o.maxIdlePollMs;
    let delay = this.#o.pollMs;
    const tick = async () => {
      if (this.#stopped) return;
      const claimed = this.runOnce().catch((err: unknown) => {
        this.#o.log.error({ err }, 'outbox poll failed');
        return 0;
      });
      this.#running = claimed;
      delay = nextPollDelay(await claimed, delay, { pollMs: this.#o.pollMs, idlePollMs: maxIdle });
      if (!this.#stopped) this.#timer = setTimeout(tick, delay).unref();
    };
    this.#timer = setTimeout(tick, 0).unref();
  }

  /** Stops polling and waits for the batch in hand; webhook posts in flight are cut (they are safe to repeat). */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#abort.abort();
    await this.#running;
  }

  /** Claims one batch of due messages and delivers them; returns how many were claimed. */
  async runOnce(): Promise<number> {
    const rows = await this.#claim(this.#o.clock());
    await Promise.all(
      rows.map((row) =>
        // The claim expires and another attempt follows; the log names the message, not its content.
        this.#deliver(row).catch((err: unknown) => this.#o.log.error({ error: err instanceof Error ? err.name : typeof err, messageId: row.id }, 'outbox delivery crashed')),
      ),
    );
    return rows.length;
  }

  async #claim(now: Date): Promise<Claimed[]> {
    const expired = new Date(now.getTime() - this.#o.lockExpiryMs);
    const { rows } = await sql<Claimed>`
      with picked as (
        select id, status as previous_status, locked_at as previous_locked_at from outbox
        where (status in ('queued', 'retrying') and run_at <= ${now}) or (status = 'sending' and locked_at < ${expired})
        order by run_at, id
        limit ${this.#o.batchSize}
        for update skip locked)
      update outbox o set status = 'sending', attempts = o.attempts + 1, locked_by = ${this.#o.workerId}, locked_at = ${now}
      from picked where o.id = picked.id
      returning o.*, picked.previous_status, picked.previous_locked_at`.execute(this.#o.db);
    return rows;
  }

  async #deliver(row: Claimed): Promise<void> {
    const { db, clock, channels } = this.#o;
    const channel = channels[row.channel];
    const settingsRow = await readSettingsRow(db, row.tenant_id);
    const message: OutboundMessage = {
      id: row.id,
      tenantId: row.tenant_id,
      channel: row.channel,
      to: row.to_address,
      from: row.from_address,
      body: row.body,
      attempt: row.attempts,
      secrets: row.channel === 'webhook' ? signingSecrets(settingsRow, clock()) : [],
    };

    if (row.previous_status === 'sending') {
      // The last attempt was claimed and never acknowledged: its worker died, maybe after sending.
      const known = row.provider_ref ?? (await this.#askProvider(message, row.previous_locked_at ?? row.created_at));
      if (known) return this.#record(row, { ok: true, providerRef: known, segments: row.body.kind === 'sms' ? smsLength(row.body.text).segments : 0 }, { reconciled: true });
      if (row.attempts > row.max_attempts) return this.#record(row, { ok: false, retryable: false, code: 'lease_expired' });
    }
    if (row.recipient === 'customer' && row.channel === 'sms' && (await isOptedOut(db, row.tenant_id, row.to_address))) {
      return this.#record(row, { ok: false, retryable: false, code: 'opted_out' });
    }
    if (row.recipient === 'owner' && !row.urgent && row.channel !== 'webhook') {
      const tenant = await db.selectFrom('tenants').select('time_zone').where('id', '=', row.tenant_id).executeTakeFirst();
      const until = quietUntil(settingsValue(settingsRow)?.quiet_hours ?? null, tenant?.time_zone ?? 'UTC', clock());
      if (until) return this.#postpone(row, until, true);
    }
    const waitUntil = await takeRateLimits(db, this.#limitsFor(row), clock());
    if (waitUntil) return this.#postpone(row, waitUntil, false);

    let result: SendResult;
    try {
      result = await channel.send(message, this.#abort.signal);
    } catch (err) {
      // Only the error's class: provider messages may quote the recipient's number.
      this.#o.log.error({ error: err instanceof Error ? err.name : typeof err, messageId: row.id, channel: row.channel }, 'channel threw');
      result = { ok: false, retryable: true, code: 'exception' };
    }
    await this.#record(row, result);
  }

  async #askProvider(message: OutboundMessage, since: Date): Promise<string | null> {
    const channel = this.#o.channels[message.channel];
    if (!channel.findSent) return null;
    try {
      return await channel.findSent(message, since);
    } catch (err) {
      // The provider cannot tell right now: sending again is the at-least-once choice.
      this.#o.log.warn({ err, messageId: message.id }, 'could not ask the provider whether a message was sent');
      return null;
    }
  }

  #limitsFor(row: OutboxRow): RateLimit[] {
    const { perTenantChannel, perSenderNumber } = this.#o.limits;
    const limits: RateLimit[] = [{ key: `tenant:${row.tenant_id}:${row.channel}`, ...perTenantChannel }];
    if (row.channel === 'sms' && row.from_address) limits.push({ key: `sms_from:${row.from_address}`, ...perSenderNumber });
    return limits;
  }

  /** Not now: back in the queue at `until`, without using up an attempt. */
  async #postpone(row: Claimed, until: Date, quietHours: boolean): Promise<void> {
    await this.#o.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('outbox')
        .set((eb) => ({ status: 'queued', attempts: eb('attempts', '-', 1), run_at: until, locked_by: null, locked_at: null }))
        .where('id', '=', row.id)
        .where('locked_by', '=', this.#o.workerId)
        .executeTakeFirst();
      if (!quietHours || updated.numUpdatedRows === 0n) return;
      const held: MessageHeld = { messageId: row.id, tenantId: row.tenant_id, heldUntil: until.toISOString() };
      await this.#append(trx, row, [{ type: MESSAGE_HELD, payload: held }]);
    });
  }

  /** The outcome of one attempt: the row and its events in one transaction, only while the claim is ours. */
  async #record(row: Claimed, result: SendResult, opts: { reconciled?: boolean } = {}): Promise<void> {
    const now = this.#o.clock();
    const base = { messageId: row.id, tenantId: row.tenant_id, channel: row.channel };
    const events: EventInput<object>[] = [];
    const set: Record<string, unknown> = { locked_by: null, locked_at: null };
    if (result.ok) {
      const segments = row.body.kind === 'sms' ? Math.max(result.segments, 1) : 0;
      // A delivery report may have come first (it does not touch the claim): keep what it said.
      Object.assign(set, { status: sql`case when status in ('delivered', 'failed') then status else 'sent' end`, provider_ref: result.providerRef, sent_at: now, last_error: null });
      events.push({ type: MESSAGE_SENT, payload: { ...base, segments, providerRef: result.providerRef, attempt: row.attempts } satisfies MessageSent });
    } else {
      const finalFailure = FAILED_AT_ONCE.has(result.code);
      const retry = result.retryable && row.attempts < row.max_attempts;
      const next = retry ? new Date(now.getTime() + retryDelayMs(row.attempts, this.#o.random(), result.retryAfterMs)) : null;
      Object.assign(set, { status: retry ? 'retrying' : finalFailure ? 'failed' : 'dead', last_error: result.code, ...(next ? { run_at: next } : {}) });
      events.push({ type: MESSAGE_FAILED, payload: { ...base, code: result.code, retryable: retry, attempt: row.attempts, nextAttemptAt: next?.toISOString() ?? null } satisfies MessageFailed });
      if (!retry && !finalFailure) events.push({ type: MESSAGE_DEAD, payload: { ...base, code: result.code, attempts: row.attempts } satisfies MessageDead });
    }
    await this.#o.db.transaction().execute(async (trx) => {
      const updated = await trx.updateTable('outbox').set(set).where('id', '=', row.id).where('locked_by', '=', this.#o.workerId).executeTakeFirst();
      // Someone else took the row (our claim expired while we waited): theirs is the record.
      if (updated.numUpdatedRows === 0n) return;
      await this.#append(trx, row, events);
      if (!result.ok && result.code === 'endpoint_gone' && row.channel === 'webhook') {
        await removeGoneWebhook(trx, this.#o.events, row.tenant_id, row.to_address, now);
      }
    });
    this.#o.log.info(
      { event: 'message_attempt', messageId: row.id, tenantId: row.tenant_id, channel: row.channel, attempt: row.attempts, ok: result.ok, ...(result.ok ? {} : { code: result.code }), ...(opts.reconciled ? { reconciled: true } : {}) },
      result.ok ? 'message sent' : 'message attempt failed',
    );
  }

  async #append(trx: Trx, row: OutboxRow, events: EventInput<object>[]): Promise<void> {
    const now = this.#o.clock();
    await this.#o.events.appendIn(trx, {
      tenantId: row.tenant_id,
      stream: messageStream(row.tenant_id, row.id),
      events: events.map((e) => ({ ...e, occurredAt: now, metadata: { source: 'notifications', worker: this.#o.workerId } })),
    });
  }
}
