import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../main.js';
import { TestClock } from '../testing/notify-harness.js';
import { BOOT_TIMEOUT_MS, twilioPost } from '../testing/phone-runtime.js';
import { SmtpFake } from '../testing/smtp-fake.js';
import { openRuntimeTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/test-db.js';
import { freePort, startWithSnapshot } from '../testing/test-runtime.js';
import { TwilioRestFake } from '../testing/twilio-rest-fake.js';
import type { Tenant } from '../tenancy/tenant.js';

/**
 * Issue 12's must-shows through the product as `npm start` composes it (`startServer`): orders
 * and appointments placed through the tool router as a call places them, missed calls from
 * Twilio's status callback, the outbox worker the runtime starts, the tenant API and Twilio's SMS
 * webhooks on the app, and the providers played by local fakes. What the harness already proves
 * in depth (every backoff step, crash recovery, rate limits) is not repeated here.
 */
// Tuesday 2026-12-01, 18:00 in New York (both demo tenants' zone): the kitchen and the shop are open.
const NOW = new Date('2026-12-01T23:00:00Z');
const ADMIN = 'admin-token-for-tests';
const RESTAURANT_OWNER = '+15550109001';
const BARBERSHOP_OWNER = '+15550109002';
const PENDING = ['queued', 'retrying'] as const;

interface ApiMessage {
  id: string;
  kind: string;
  channel: string;
  recipient: string;
  to: string;
  status: string;
  error_code: string | null;
  attempts: number;
  order_id: string | null;
  appointment_id: string | null;
  call_sid: string | null;
}

describe.each(testDatabaseKinds())('notifications through the product wiring (%s)', (kind) => {
  const time = new TestClock(NOW);
  let runtime: Runtime;
  let twilio: TwilioRestFake;
  let smtp: SmtpFake;
  let db: TestDatabase | undefined;
  let publicUrl: string;
  let callSeq = 0;
  let smsSeq = 0;

  beforeAll(async () => {
    const port = await freePort();
    publicUrl = `http://127.0.0.1:${port}`;
    [twilio, smtp] = await Promise.all([TwilioRestFake.start({ clock: time.now }), SmtpFake.start()]);
    if (kind === 'postgres') db = await openRuntimeTestDatabase('postgres', true, time.now);
    runtime = await startWithSnapshot(
      {
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_BASE_URL: publicUrl,
        LOG_LEVEL: 'silent',
        VOZ_DATA_DIR: 'memory://',
        VOZ_ADMIN_TOKEN: ADMIN,
        TWILIO_ACCOUNT_SID: twilio.accountSid,
        TWILIO_AUTH_TOKEN: twilio.authToken,
        TWILIO_API_BASE_URL: twilio.url,
        SMTP_URL: smtp.url,
        VOZ_EMAIL_FROM: 'Vozlia <no-reply@vozlia.test>',
        ...(db?.url ? { DATABASE_URL: db.url } : {}),
      },
      {
        listen: true,
        // Workers are driven by hand below (`deliver`), on the test's clock.
        worker: false,
        clock: time.now,
        outbox: { random: () => 0.5 },
        logger: pino({ level: 'silent' }),
      },
    );
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await runtime?.close();
    await Promise.all([twilio?.close(), smtp?.close(), db?.close()]);
  });

  const tenant = async (id: string): Promise<Tenant> => (await runtime.core.tenants.get(id))!;
  /** A tool call as the voice session makes it, through the router that re-checks policy. */
  const tool = async (tenantId: string, name: string, args: unknown, callSid: string, callerNumber: string) =>
    runtime.core.router.invoke(name, args, { tenant: await tenant(tenantId), actorMode: 'client', source: 'voice', callSid, callerNumber, signal: new AbortController().signal, log: runtime.log });
  const api = async (method: 'GET' | 'PUT' | 'POST', url: string, body?: unknown) =>
    runtime.app.inject({ method, url, headers: { authorization: `Bearer ${ADMIN}` }, ...(body ? { payload: body as object } : {}) });
  const messages = async (tenantId: string, query: string): Promise<ApiMessage[]> => {
    const res = await api('GET', `/api/tenants/${tenantId}/notifications/messages?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  };
  const summary = (items: ApiMessage[]) => items.map((m) => `${m.recipient}:${m.channel}:${m.status}${m.error_code ? `:${m.error_code}` : ''}`).sort();

  /**
   * The runtime's outbox worker until nothing is due; a message waiting at most `waitMs` (the
   * per-number rate limit, a short backoff) is waited for by moving the clock.
   */
  const deliver = async (waitMs = 2_000) => {
    for (let round = 0; round < 50; round++) {
      if ((await runtime.outbox.runOnce()) > 0) continue;
      const next = await runtime.core.db.selectFrom('outbox').select('run_at').where('status', 'in', PENDING).orderBy('run_at').executeTakeFirst();
      const at = next ? new Date(next.run_at).getTime() : Infinity;
      if (at - time.now().getTime() > waitMs) return;
      time.set(new Date(Math.max(at, time.now().getTime())));
    }
  };
  /** Twilio's shape (`CA` + 32 hex): the webhooks refuse anything else. */
  const nextCallSid = () => `CA${kind === 'pglite' ? 'a' : 'b'}${String(++callSeq).padStart(31, '0')}`;
  const orderArgs = (name: string) => ({ items: [{ name: 'Margherita Pizza', quantity: 2 }, { name: 'Tiramisu', quantity: 1 }], customer_name: name, fulfillment: 'pickup' });

  it('an order placed on a call at demo_restaurant: one owner SMS with the items and total, one confirmation to the caller, one owner email, listed with the order and the call', async () => {
    const callSid = nextCallSid();
    const placed = (await tool('demo_restaurant', 'place_order', orderArgs('Ada'), callSid, '+15557780001')) as { ok: boolean; order_id: string; total_cents: number };
    expect(placed).toMatchObject({ ok: true });
    await deliver();

    const owner = twilio.messagesTo(RESTAURANT_OWNER);
    expect(owner).toHaveLength(1);
    expect(owner[0]!.json.body).toContain('2x Margherita Pizza, 1x Tiramisu');
    expect(owner[0]!.json.body).toContain(`Total $${(placed.total_cents / 100).toFixed(2)}`);
    expect(owner[0]!.json.body).toContain('Ada (+15557780001)');
    const caller = twilio.messagesTo('+15557780001');
    expect(caller).toHaveLength(1);
    expect(caller[0]!.json.body).toContain('thanks Ada!');
    expect(smtp.mailsTo('owner@demo-restaurant.test')).toHaveLength(1);

    const byOrder = await messages('demo_restaurant', `order_id=${placed.order_id}`);
    expect(summary(byOrder)).toEqual(['customer:sms:sent', 'owner:email:sent', 'owner:sms:sent']);
    expect(byOrder.every((m) => m.call_sid === callSid && m.kind === 'order_placed')).toBe(true);
    expect((await messages('demo_restaurant', `call_sid=${callSid}`)).map((m) => m.id).sort()).toEqual(byOrder.map((m) => m.id).sort());

    // The owner moves it along: the notification on the order's stream must not upset its state.
    const confirmed = await api('POST', `/api/tenants/demo_restaurant/orders/${placed.order_id}/status`, { status: 'confirmed' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().status).toBe('confirmed');
  });

  it('a delivery report comes back to the product signed and marks the message delivered', async () => {
    const [sms] = twilio.messagesTo(RESTAURANT_OWNER);
    expect(await twilio.report(sms!.json.sid, 'delivered')).toBe(204);
    const items = await messages('demo_restaurant', 'status=delivered');
    expect(items.map((m) => m.to)).toContain(RESTAURANT_OWNER);
  });

  it('an appointment requested on a call at demo_barbershop: owner SMS with the service and slot, confirmation, email', async () => {
    const callSid = nextCallSid();
    const booked = (await tool('demo_barbershop', 'request_appointment', { service: 'Skin Fade', preferred_time: '2026-12-02T10:00', customer_name: 'Ben' }, callSid, '+15557780002')) as { ok: boolean; appointment_id: string };
    expect(booked).toMatchObject({ ok: true });
    await deliver();

    const owner = twilio.messagesTo(BARBERSHOP_OWNER);
    expect(owner).toHaveLength(1);
    expect(owner[0]!.json.body).toContain('Skin Fade');
    expect(owner[0]!.json.body).toContain('10:00 AM');
    expect(owner[0]!.json.body).toContain('Ben');
    expect(twilio.messagesTo('+15557780002')).toHaveLength(1);
    expect(smtp.mailsTo('owner@demo-barbershop.test')).toHaveLength(1);
    expect(summary(await messages('demo_barbershop', `appointment_id=${booked.appointment_id}`))).toEqual(['customer:sms:sent', 'owner:email:sent', 'owner:sms:sent']);
  });

  /** A caller rings the dedicated number and hangs up before the stream starts: Twilio's two webhooks. */
  const missCall = async (from: string) => {
    const callSid = nextCallSid();
    const params = { CallSid: callSid, AccountSid: twilio.accountSid, From: from, To: '+15550100001', Direction: 'inbound' };
    expect((await runtime.app.inject(twilioPost(publicUrl, '/twilio/voice', { ...params, CallStatus: 'ringing' }, twilio.authToken))).statusCode).toBe(200);
    expect((await runtime.app.inject(twilioPost(publicUrl, '/twilio/status', { ...params, CallStatus: 'completed', CallDuration: '0' }, twilio.authToken))).statusCode).toBe(204);
    // missed_call_capture's job queues the notification.
    while ((await runtime.worker.runOnce()) > 0);
    return callSid;
  };

  it("a missed call: the owner's SMS names the caller's number", async () => {
    const callSid = await missCall('+15557780003');
    await deliver();
    const about = twilio.messagesTo(RESTAURANT_OWNER).filter((m) => m.json.body.includes('+15557780003'));
    expect(about).toHaveLength(1);
    expect(about[0]!.json.body).toContain('missed call');
    expect(summary(await messages('demo_restaurant', `call_sid=${callSid}`))).toEqual(['owner:email:sent', 'owner:sms:sent']);
  });

  it('a provider answering 500 for a while: delivered once it recovers, exactly one successful send', async () => {
    twilio.failNext(3, 500);
    const callSid = await missCall('+15557780004');
    // 5 s, 5 min and 30 min of backoff: the clock is moved to each retry.
    await deliver(3_600_000);
    const sms = (await messages('demo_restaurant', `call_sid=${callSid}`)).find((m) => m.channel === 'sms')!;
    expect(sms).toMatchObject({ status: 'sent', attempts: 4 });
    expect(twilio.messagesTo(RESTAURANT_OWNER).filter((m) => m.json.body.includes('+15557780004'))).toHaveLength(1);
  });

  const sms = (from: string, body: string, sign = true) =>
    runtime.app.inject(twilioPost(publicUrl, '/twilio/sms', { MessageSid: `SM${String(++smsSeq).padStart(32, '0')}`, AccountSid: twilio.accountSid, From: from, To: '+15550100001', Body: body }, sign ? twilio.authToken : undefined));

  it('an unsigned POST /twilio/sms is refused with 403 and changes nothing', async () => {
    expect((await sms('+15557780006', 'STOP', false)).statusCode).toBe(403);
    await tool('demo_restaurant', 'place_order', orderArgs('Cal'), nextCallSid(), '+15557780006');
    await deliver();
    expect(twilio.messagesTo('+15557780006')).toHaveLength(1);
  });

  it("STOP stops that tenant's customer SMS to the caller and not the owner's; START resumes them", async () => {
    const caller = '+15557780007';
    expect((await sms(caller, 'STOP')).statusCode).toBe(200);
    const stopped = (await tool('demo_restaurant', 'place_order', orderArgs('Dee'), nextCallSid(), caller)) as { order_id: string };
    await deliver();
    expect(twilio.messagesTo(caller)).toHaveLength(0);
    expect(summary(await messages('demo_restaurant', `order_id=${stopped.order_id}`))).toEqual(['customer:sms:failed:opted_out', 'owner:email:sent', 'owner:sms:sent']);

    // Another tenant still confirms to the same number.
    await tool('demo_barbershop', 'request_appointment', { service: 'Beard Trim', preferred_time: '2026-12-02T11:00', customer_name: 'Dee' }, nextCallSid(), caller);
    await deliver();
    expect(twilio.messagesTo(caller)).toHaveLength(1);

    expect((await sms(caller, 'start')).statusCode).toBe(200);
    await tool('demo_restaurant', 'place_order', orderArgs('Dee'), nextCallSid(), caller);
    await deliver();
    expect(twilio.messagesTo(caller).filter((m) => m.json.from === '+15550100001')).toHaveLength(1);
  });

  it("quiet hours hold the owner's messages until the window ends, then release them; the caller's confirmation is not held", async () => {
    const settings = (await api('GET', '/api/tenants/demo_restaurant/notifications/settings')).json();
    const put = await api('PUT', '/api/tenants/demo_restaurant/notifications/settings', { contacts: settings.contacts, quiet_hours: { start: '17:00', end: '21:00' } });
    expect(put.statusCode, put.body).toBe(200);
    try {
      const caller = '+15557780008';
      const placed = (await tool('demo_restaurant', 'place_order', orderArgs('Eve'), nextCallSid(), caller)) as { order_id: string };
      await deliver();
      expect(twilio.messagesTo(caller)).toHaveLength(1);
      expect(summary(await messages('demo_restaurant', `order_id=${placed.order_id}`))).toEqual(['customer:sms:sent', 'owner:email:held', 'owner:sms:held']);

      // 21:00 in New York: the window ends and the worker sends what it held.
      time.set(new Date('2026-12-02T02:00:00Z'));
      await deliver();
      expect(summary(await messages('demo_restaurant', `order_id=${placed.order_id}`))).toEqual(['customer:sms:sent', 'owner:email:sent', 'owner:sms:sent']);
      expect(twilio.messagesTo(RESTAURANT_OWNER).filter((m) => m.json.body.includes('Eve'))).toHaveLength(1);
    } finally {
      await api('PUT', '/api/tenants/demo_restaurant/notifications/settings', { contacts: settings.contacts });
    }
  });

  // Last: its backoff moves the clock by more than a day.
  it('a provider that always fails: the message is dead after its attempts and the tenant API shows it', async () => {
    twilio.failAlways(500);
    try {
      const callSid = await missCall('+15557780005');
      await deliver(24 * 3_600_000);
      const sms = (await messages('demo_restaurant', `call_sid=${callSid}`)).find((m) => m.channel === 'sms')!;
      expect(sms).toMatchObject({ status: 'dead', attempts: 8, error_code: 'twilio_20500' });
      expect((await messages('demo_restaurant', 'status=dead')).map((m) => m.id)).toContain(sms.id);
    } finally {
      twilio.recover();
    }
  });
});

describe('without TWILIO_* or SMTP_URL (a fresh `npm start`)', () => {
  let runtime: Runtime;
  beforeAll(async () => {
    runtime = await startWithSnapshot(
      { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', VOZ_DATA_DIR: 'memory://', VOZ_ADMIN_TOKEN: ADMIN },
      { listen: false, worker: false, clock: () => NOW, logger: pino({ level: 'silent' }) },
    );
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => runtime?.close());

  it('orders still succeed; every message is recorded failed `not_configured` and visible through the tenant API', async () => {
    const tenant = (await runtime.core.tenants.get('demo_restaurant'))!;
    const placed = (await runtime.core.router.invoke('place_order', { items: [{ name: 'Tiramisu', quantity: 1 }], customer_name: 'Fay', fulfillment: 'pickup' }, { tenant, actorMode: 'client', source: 'voice', callSid: 'CAnotconfigured', callerNumber: '+15557780010', signal: new AbortController().signal, log: runtime.log })) as { ok: boolean; order_id: string };
    expect(placed).toMatchObject({ ok: true });
    expect(await runtime.outbox.runOnce()).toBe(0);
    const res = await runtime.app.inject({ method: 'GET', url: `/api/tenants/demo_restaurant/notifications/messages?order_id=${placed.order_id}`, headers: { authorization: `Bearer ${ADMIN}` } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((m: ApiMessage) => `${m.recipient}:${m.channel}:${m.status}:${m.error_code}`).sort()).toEqual([
      'customer:sms:failed:not_configured',
      'owner:email:failed:not_configured',
      'owner:sms:failed:not_configured',
    ]);
  });
});
