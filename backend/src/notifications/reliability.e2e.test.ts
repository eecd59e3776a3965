import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../testing/test-db.js';
import type { Channel } from './channels/channel.js';
import { createChannels } from './channels/create-channels.js';
import { HARNESS_START_MS, NotifyHarness } from '../testing/notify-harness.js';
import { LOCK_EXPIRY_MS } from './outbox-worker.js';
import type { RateLimits } from './rate-limit.js';

const NOW = new Date('2026-12-01T23:00:00Z'); // 18:00 in New York
const OWNER = '+15550109001';
const HOUR = 3_600_000;

describe.each(testDatabaseKinds())('delivery when things go wrong (%s)', (kind) => {
  let h: NotifyHarness;
  let calls = 0;
  beforeAll(async () => {
    h = await NotifyHarness.start({ kind, now: NOW });
  }, HARNESS_START_MS);
  afterAll(async () => h?.close());

  /** A missed call at demo_restaurant from a fresh number; resolves to that number. */
  const missedCall = async () => {
    const from = `+1555204${String(++calls).padStart(4, '0')}`;
    await h.missCall('demo_restaurant', `CArel${kind}${calls}`, from, '+15550100001');
    return from;
  };
  const ownerSmsAbout = (from: string) => h.twilio.messagesTo(OWNER).filter((m) => m.json.body.includes(from));
  const smsRow = async (from: string) =>
    h.db.selectFrom('messages').selectAll().where('channel', '=', 'sms').where('call_sid', '=', `CArel${kind}${Number(from.slice(-4))}`).executeTakeFirstOrThrow();
  /** A worker that sends on `channel` for real and dies before recording it; waits until the provider has it. */
  const crashAfterSending = async (channel: 'sms' | 'webhook', workerId: string, arrived: () => boolean) => {
    const real = createChannels(h.config, h.clock);
    const doomed = h.extraWorker({ channels: { ...real.channels, [channel]: diesAfterSending(real.channels[channel]) }, workerId });
    void doomed.runOnce();
    await until(arrived);
    return real;
  };
  const smsEvents = async (messageId: string) =>
    (await h.events.readStream({ type: 'message', id: `message:demo_restaurant:${messageId}` })).map((e) => `${e.type}${e.payload.code ? `:${String(e.payload.code)}` : ''}`);

  it('retries a provider answering 500 with backoff and sends exactly once when it recovers', async () => {
    h.twilio.failNext(3, 500);
    const from = await missedCall();
    await h.worker.runOnce();
    let row = await smsRow(from);
    expect(row).toMatchObject({ status: 'retrying', attempts: 1, error_code: 'twilio_20500' });
    expect(new Date(row.next_attempt_at!).getTime() - h.clock().getTime()).toBe(5_000);

    for (const wait of [5_000, 300_000, 1_800_000]) {
      expect(await h.worker.runOnce()).toBe(0); // not due yet
      h.time.advance(wait);
      await h.worker.runOnce();
    }
    row = await smsRow(from);
    expect(row).toMatchObject({ status: 'sent', attempts: 4, error_code: null });
    expect(ownerSmsAbout(from)).toHaveLength(1);
    expect(await smsEvents(row.id)).toEqual(['message.queued', 'message.failed:twilio_20500', 'message.failed:twilio_20500', 'message.failed:twilio_20500', 'message.sent']);
  });

  it('waits as long as Retry-After says', async () => {
    h.twilio.failNext(1, 429, { code: 20429, retryAfterSeconds: 120 });
    const from = await missedCall();
    await h.worker.runOnce();
    const row = await smsRow(from);
    expect(row).toMatchObject({ status: 'retrying', error_code: 'twilio_20429' });
    expect(new Date(row.next_attempt_at!).getTime() - h.clock().getTime()).toBe(120_000);
    h.time.advance(120_000);
    await h.drain();
    expect(ownerSmsAbout(from)).toHaveLength(1);
  });

  it('gives up after eight attempts: dead, and readable through the tenant API', async () => {
    h.twilio.failAlways(503);
    const from = await missedCall();
    for (let i = 0; i < 8; i++) {
      await h.worker.runOnce();
      h.time.advance(11 * HOUR);
    }
    expect(await h.worker.runOnce()).toBe(0);
    h.twilio.recover();
    const row = await smsRow(from);
    expect(row).toMatchObject({ status: 'dead', attempts: 8, error_code: 'twilio_20500', next_attempt_at: null });
    const res = await h.app.inject({ method: 'GET', url: '/api/tenants/demo_restaurant/notifications/messages?status=dead' });
    expect(res.json().items.map((m: { id: string }) => m.id)).toContain(row.id);
    expect((await smsEvents(row.id)).slice(-2)).toEqual(['message.failed:twilio_20500', 'message.dead:twilio_20500']);
    expect(ownerSmsAbout(from)).toHaveLength(0);
  });

  it('marks a message dead at once on a 4xx that will never work', async () => {
    h.twilio.failNext(1, 400, { code: 21211 });
    const from = await missedCall();
    await h.worker.runOnce();
    expect(await smsRow(from)).toMatchObject({ status: 'dead', attempts: 1, error_code: 'twilio_21211' });
  });

  it('after a worker dies between Twilio accepting and recording it, the next one finds the SMS instead of sending it again', async () => {
    const from = await missedCall();
    const real = await crashAfterSending('sms', 'doomed', () => ownerSmsAbout(from).length === 1);
    expect((await smsRow(from)).status).toBe('queued'); // `sending` in the outbox; nothing recorded yet

    h.time.advance(LOCK_EXPIRY_MS + 1_000);
    const lists = h.twilio.requests.filter((r) => r.method === 'GET').length;
    await h.worker.runOnce();
    const row = await smsRow(from);
    expect(row).toMatchObject({ status: 'sent', provider_ref: ownerSmsAbout(from)[0]!.json.sid });
    expect(ownerSmsAbout(from)).toHaveLength(1);
    expect(h.twilio.requests.filter((r) => r.method === 'GET').length).toBe(lists + 1); // asked Twilio once
    real.close();
  });

  it('a delivery report that arrives before the send is recorded is enough to know it was sent', async () => {
    const from = await missedCall();
    const real = await crashAfterSending('sms', 'doomed-2', () => ownerSmsAbout(from).length === 1);
    expect(await h.twilio.report(ownerSmsAbout(from)[0]!.json.sid, 'delivered')).toBe(204);

    h.time.advance(LOCK_EXPIRY_MS + 1_000);
    const lists = h.twilio.requests.filter((r) => r.method === 'GET').length;
    await h.worker.runOnce();
    expect(await smsRow(from)).toMatchObject({ status: 'delivered', provider_ref: ownerSmsAbout(from)[0]!.json.sid });
    expect(h.twilio.requests.filter((r) => r.method === 'GET').length).toBe(lists); // no need to ask
    expect(ownerSmsAbout(from)).toHaveLength(1);
    real.close();
  });

  it('posts a webhook again after such a crash, with the same Vozlia-Webhook-Id for the receiver to drop', async () => {
    const put = await h.app.inject({
      method: 'PUT',
      url: '/api/tenants/demo_restaurant/notifications/settings',
      payload: { contacts: { sms: [OWNER], email: [] }, webhook: { url: h.webhooks.url }, policies: { missed_call: { owner: ['webhook'] } } },
    });
    h.webhooks.useSecrets([put.json().new_webhook_secret]);
    await missedCall();
    const real = await crashAfterSending('webhook', 'doomed-3', () => h.webhooks.deliveries.length === 1);
    h.time.advance(LOCK_EXPIRY_MS + 1_000);
    await h.worker.runOnce();
    expect(h.webhooks.deliveries).toHaveLength(2);
    expect(h.webhooks.deliveries.every((d) => d.verified)).toBe(true);
    expect(h.webhooks.deliveries[0]!.id).toBe(h.webhooks.deliveries[1]!.id);
    expect(h.webhooks.uniqueVerified()).toHaveLength(1);
    // Re-signed for the second attempt: a fresh timestamp.
    expect(h.webhooks.deliveries[0]!.signature).not.toBe(h.webhooks.deliveries[1]!.signature);
    real.close();
    await h.app.inject({ method: 'PUT', url: '/api/tenants/demo_restaurant/notifications/settings', payload: { contacts: { sms: [OWNER], email: ['owner@demo-restaurant.test'] } } });
  });

  it('makes a burst wait for the rate limits and drops nothing', async () => {
    const tight: RateLimits = { perTenantChannel: { limit: 3, windowMs: 60_000 }, perSenderNumber: { limit: 100, windowMs: 1_000 } };
    const limited = h.extraWorker({ limits: tight, workerId: 'limited' });
    h.time.set(new Date(Math.ceil(h.clock().getTime() / 60_000) * 60_000)); // start of a window
    const burst = [];
    for (let i = 0; i < 5; i++) burst.push(await missedCall());
    await limited.runOnce();
    const sentNow = burst.filter((f) => ownerSmsAbout(f).length === 1).length;
    expect(sentNow).toBe(3);
    expect(await limited.runOnce()).toBe(0); // the rest wait for the next window
    h.time.advance(60_000);
    await limited.runOnce();
    expect(burst.map((f) => ownerSmsAbout(f).length)).toEqual([1, 1, 1, 1, 1]);
  });

  it('shares the work between two workers without sending anything twice', async () => {
    const second = h.extraWorker({ batchSize: 2, workerId: 'second' });
    const burst = [];
    for (let i = 0; i < 6; i++) burst.push(await missedCall());
    while ((await Promise.all([h.worker.runOnce(), second.runOnce()])).some((n) => n > 0));
    expect(burst.map((f) => ownerSmsAbout(f).length)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('writes the outbox row in the transaction of its cause: no order, no message', async () => {
    const before = await h.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await expect(
      h.db.transaction().execute(async (trx) => {
        await h.events.appendIn(trx, {
          tenantId: 'demo_restaurant',
          stream: { type: 'notification', id: 'notification:demo_restaurant:rolled-back' },
          events: [{ type: 'notification.queued', payload: { tenantId: 'demo_restaurant', notificationId: 'missed:CArolledback', kind: 'missed_call', channel: 'sms', subject: 'x', ref: { callSid: 'CArolledback' } } }],
        });
        expect(Number((await trx.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBeGreaterThan(Number(before.n));
        throw new Error('the order failed after all');
      }),
    ).rejects.toThrow('the order failed after all');
    const after = await h.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('never loses the order when queueing its messages fails', async () => {
    const outboxRows = async () => Number((await h.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await outboxRows();
    await sql`alter table messages rename to messages_broken`.execute(h.db);
    try {
      const r = await h.placeOrder('demo_restaurant', { orderId: 'ord_survives', customerName: 'Cy', customerPhone: null, lines: [{ itemName: 'Tiramisu', quantity: 1, unitPriceCents: 800 }], requestedFor: NOW });
      expect(r.events.map((e) => e.type)).toEqual(['order.placed', 'notification.queued']);
    } finally {
      await sql`alter table messages_broken rename to messages`.execute(h.db);
    }
    expect(await h.events.readStream({ type: 'order', id: 'order:demo_restaurant:ord_survives' })).toHaveLength(2);
    expect(await outboxRows()).toBe(before);
    expect(await h.db.selectFrom('messages').select('id').where('order_id', '=', 'ord_survives').execute()).toEqual([]);
  });

  it('rebuilds the messages projection from events to the same rows', async () => {
    const before = await h.db.selectFrom('messages').selectAll().orderBy('id').execute();
    await h.events.rebuild('messages');
    expect(await h.db.selectFrom('messages').selectAll().orderBy('id').execute()).toEqual(before);
  });
});

/** Sends for real, then never returns: the worker "dies" before recording the outcome. */
function diesAfterSending(channel: Channel): Channel {
  return {
    name: channel.name,
    send: async (m, signal) => {
      await channel.send(m, signal);
      return new Promise(() => undefined);
    },
    ...(channel.findSent ? { findSent: channel.findSent.bind(channel) } : {}),
  };
}

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
