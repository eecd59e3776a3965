import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../testing/test-db.js';
import { HARNESS_START_MS, NotifyHarness } from '../testing/notify-harness.js';

const NOW = new Date('2026-12-01T23:00:00Z'); // Tuesday 18:00 in New York
const RESTAURANT_LINE = '+15550100001';
const OWNER = '+15550109001';
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

describe.each(testDatabaseKinds())('STOP, START, quiet hours and the SMS webhooks (%s)', (kind) => {
  let h: NotifyHarness;
  let orders = 0;
  beforeAll(async () => {
    h = await NotifyHarness.start({ kind, now: NOW });
  }, HARNESS_START_MS);
  afterAll(async () => h?.close());

  /** A Twilio webhook POST, signed with the account's auth token unless told otherwise. */
  const twilioPost = (path: string, params: Record<string, string>, signature?: string) =>
    h.app.inject({
      method: 'POST',
      url: path,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(signature === undefined ? { 'x-twilio-signature': twilio.getExpectedTwilioSignature(h.twilio.authToken, `${h.config.publicBaseUrl}${path}`, params) } : signature ? { 'x-twilio-signature': signature } : {}),
      },
      payload: new URLSearchParams(params).toString(),
    });
  const text = (from: string, body: string, to = RESTAURANT_LINE) => twilioPost('/twilio/sms', { MessageSid: `SMin${Math.random().toString(16).slice(2)}`, From: from, To: to, Body: body });
  const order = (tenant: string, phone: string) =>
    h.placeOrder(tenant, { orderId: `ord_c${kind}${++orders}`, customerName: 'Dee', customerPhone: phone, lines: [{ itemName: 'Tiramisu', quantity: 1, unitPriceCents: 800 }], requestedFor: NOW });
  const customerSms = (orderId: string) => h.db.selectFrom('messages').selectAll().where('order_id', '=', orderId).where('recipient', '=', 'customer').executeTakeFirstOrThrow();
  const lastOrderId = () => `ord_c${kind}${orders}`;

  it('refuses an unsigned or wrongly signed POST /twilio/sms with 403', async () => {
    const params = { From: '+15557771000', To: RESTAURANT_LINE, Body: 'STOP' };
    expect((await twilioPost('/twilio/sms', params, '')).statusCode).toBe(403);
    expect((await twilioPost('/twilio/sms', params, 'bm90IGEgc2lnbmF0dXJl')).statusCode).toBe(403);
    expect((await twilioPost('/twilio/sms-status', { MessageSid: 'SMx', MessageStatus: 'delivered' }, '')).statusCode).toBe(403);
    expect(await h.db.selectFrom('sms_opt_outs').selectAll().execute()).toEqual([]);
  });

  it('STOP stops that tenant’s customer SMS to that number, answered with empty TwiML; the owner still hears', async () => {
    const res = await text('+15557771001', ' stop ');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/xml/);
    expect(res.body).toBe(EMPTY_TWIML);

    await order('demo_restaurant', '+15557771001');
    expect(await customerSms(lastOrderId())).toMatchObject({ status: 'failed', error_code: 'opted_out' });
    await h.drain();
    expect(h.twilio.messagesTo('+15557771001')).toHaveLength(0);
    expect(h.twilio.messagesTo(OWNER).filter((m) => m.json.body.includes('+15557771001'))).toHaveLength(1);
  });

  it('keeps confirming to that number from another tenant', async () => {
    await h.requestAppointment('demo_barbershop', { appointmentId: `apt_c${kind}`, customerName: 'Dee', customerPhone: '+15557771001', service: 'Beard Trim', staff: 'Marco', startsAt: new Date('2026-12-02T15:00:00Z'), priceCents: 2000 });
    await h.drain();
    expect(h.twilio.messagesTo('+15557771001')).toHaveLength(1);
  });

  it('START resumes, and STOP is checked again when the message is sent, not only when it is queued', async () => {
    expect((await text('+15557771001', 'START')).statusCode).toBe(200);
    await order('demo_restaurant', '+15557771001');
    const queued = lastOrderId();
    expect((await customerSms(queued)).status).toBe('queued');
    await text('+15557771001', 'Unsubscribe'); // arrives before the worker gets to it
    await h.drain();
    expect(await customerSms(queued)).toMatchObject({ status: 'failed', error_code: 'opted_out' });
    expect(h.twilio.messagesTo('+15557771001')).toHaveLength(1); // only the barbershop's

    await text('+15557771001', 'unstop');
    await order('demo_restaurant', '+15557771001');
    await h.drain();
    expect(await customerSms(lastOrderId())).toMatchObject({ status: 'sent' });
    expect(h.twilio.messagesTo('+15557771001')).toHaveLength(2);
  });

  it('never stops owner messages, even when the owner’s own phone says STOP', async () => {
    await text(OWNER, 'STOP');
    const before = h.twilio.messagesTo(OWNER).length;
    await order('demo_restaurant', '+15557771002');
    await h.drain();
    expect(h.twilio.messagesTo(OWNER)).toHaveLength(before + 1);
  });

  it('ignores other texts and numbers that are not a tenant’s', async () => {
    expect((await text('+15557771003', 'STOP', '+15550199999')).body).toBe(EMPTY_TWIML);
    expect((await text('+15557771003', 'please stop calling')).body).toBe(EMPTY_TWIML);
    const rows = await h.db.selectFrom('sms_opt_outs').select('phone').where('phone', '=', '+15557771003').execute();
    expect(rows).toEqual([]);
  });

  it('records an undelivered report as failed with Twilio’s error code', async () => {
    await order('demo_restaurant', '+15557771004');
    await h.drain();
    const [sms] = h.twilio.messagesTo('+15557771004');
    expect(await h.twilio.report(sms!.json.sid, 'undelivered', 30003)).toBe(204);
    expect(await customerSms(lastOrderId())).toMatchObject({ status: 'failed', error_code: 'twilio_30003' });
  });

  it('holds owner messages in quiet hours and releases them when the window ends; urgent ones and callers pass', async () => {
    const put = await h.app.inject({
      method: 'PUT',
      url: '/api/tenants/demo_barbershop/notifications/settings',
      payload: { contacts: { sms: ['+15550109002'], email: ['owner@demo-barbershop.test'] }, quiet_hours: { start: '22:00', end: '07:00' } },
    });
    expect(put.statusCode).toBe(200);
    h.time.set(new Date('2026-12-02T04:30:00Z')); // 23:30 in New York
    await h.missCall('demo_barbershop', `CAquiet${kind}`, '+15552039001', '+15550100002');
    await h.requestAppointment('demo_barbershop', { appointmentId: `apt_q${kind}`, customerName: 'Eve', customerPhone: '+15557771005', service: 'Haircut', staff: 'Marco', startsAt: new Date('2026-12-02T16:00:00Z'), priceCents: 3000 });
    await h.drain();

    const missed = await h.db.selectFrom('messages').selectAll().where('call_sid', '=', `CAquiet${kind}`).execute();
    expect(missed.map((m) => `${m.channel}:${m.status}`).sort()).toEqual(['email:held', 'sms:held']);
    expect(new Date(missed[0]!.next_attempt_at!).toISOString()).toBe('2026-12-02T12:00:00.000Z'); // 07:00 local
    expect(h.twilio.messagesTo('+15550109002').filter((m) => m.json.body.includes('+15552039001'))).toHaveLength(0);
    expect(h.twilio.messagesTo('+15557771005')).toHaveLength(1); // the caller's confirmation is not held

    h.time.set(new Date('2026-12-02T11:59:00Z'));
    expect(await h.drain()).toBe(0);
    h.time.set(new Date('2026-12-02T12:00:30Z'));
    await h.drain();
    expect(h.twilio.messagesTo('+15550109002').filter((m) => m.json.body.includes('+15552039001'))).toHaveLength(1);
    expect(h.smtp.mailsTo('owner@demo-barbershop.test').filter((m) => m.subject.includes('+15552039001'))).toHaveLength(1);

    // An owner who marks missed calls urgent hears about them at night.
    await h.app.inject({
      method: 'PUT',
      url: '/api/tenants/demo_barbershop/notifications/settings',
      payload: { contacts: { sms: ['+15550109002'], email: [] }, quiet_hours: { start: '22:00', end: '07:00' }, policies: { missed_call: { urgent: true } } },
    });
    h.time.set(new Date('2026-12-03T04:30:00Z'));
    await h.missCall('demo_barbershop', `CAurgent${kind}`, '+15552039002', '+15550100002');
    await h.drain();
    expect(h.twilio.messagesTo('+15550109002').filter((m) => m.json.body.includes('+15552039002'))).toHaveLength(1);
  });

  it('holds a retry that falls into quiet hours too', async () => {
    await h.app.inject({
      method: 'PUT',
      url: '/api/tenants/demo_barbershop/notifications/settings',
      payload: { contacts: { sms: ['+15550109002'], email: [] }, quiet_hours: { start: '22:00', end: '07:00' } },
    });
    h.time.set(new Date('2026-12-03T02:59:58Z')); // 21:59:58, just before the window
    h.twilio.failNext(1, 500);
    await h.missCall('demo_barbershop', `CAretry${kind}`, '+15552039003', '+15550100002');
    await h.drain();
    const before = await h.db.selectFrom('messages').selectAll().where('call_sid', '=', `CAretry${kind}`).executeTakeFirstOrThrow();
    expect(before.status).toBe('retrying');
    h.time.advance(5_000); // 22:00:03: quiet
    await h.drain();
    const held = await h.db.selectFrom('messages').selectAll().where('call_sid', '=', `CAretry${kind}`).executeTakeFirstOrThrow();
    expect(held).toMatchObject({ status: 'held', attempts: 1 });
    h.time.set(new Date('2026-12-03T12:00:01Z'));
    await h.drain();
    expect((await h.db.selectFrom('messages').select('status').where('call_sid', '=', `CAretry${kind}`).executeTakeFirstOrThrow()).status).toBe('sent');
  });
});
