import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../testing/test-db.js';
import { verifySignature } from './webhook-signature.js';
import { HARNESS_START_MS, NotifyHarness } from '../testing/notify-harness.js';

// Tuesday 2026-12-01, 18:00 in New York (both demo tenants' zone).
const NOW = new Date('2026-12-01T23:00:00Z');
const RESTAURANT_OWNER = '+15550109001';
const BARBERSHOP_OWNER = '+15550109002';

describe.each(testDatabaseKinds())('notifications delivered through the local providers (%s)', (kind) => {
  let h: NotifyHarness;
  beforeAll(async () => {
    h = await NotifyHarness.start({ kind, now: NOW });
  }, HARNESS_START_MS);
  afterAll(async () => h?.close());

  const api = async (tenant: string, path: string) => {
    const res = await h.app.inject({ method: 'GET', url: `/api/tenants/${tenant}/notifications/${path}` });
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  it('an order at demo_restaurant: one owner SMS with items and total, one confirmation to the caller, one owner email', async () => {
    await h.placeOrder('demo_restaurant', {
      orderId: 'ord_e2e001',
      customerName: 'Ada',
      customerPhone: '+15557770001',
      lines: [
        { itemName: 'Margherita Pizza', quantity: 2, unitPriceCents: 1450 },
        { itemName: 'Tiramisu', quantity: 1, unitPriceCents: 800 },
      ],
      requestedFor: new Date(NOW.getTime() + 30 * 60_000),
    });
    expect(await h.drain()).toBe(3);

    const owner = h.twilio.messagesTo(RESTAURANT_OWNER);
    expect(owner).toHaveLength(1);
    expect(owner[0]!.json.body).toBe('New order: 2x Margherita Pizza, 1x Tiramisu. Total $40.28. Pickup 6:30 PM for Ada (+15557770001).');
    expect(owner[0]!.json.from).toBe('+15550100001'); // the tenant's dedicated number
    expect(owner[0]!.statusCallback).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/twilio\/sms-status\?m=msg_[0-9a-f]{24}$/);

    const caller = h.twilio.messagesTo('+15557770001');
    expect(caller).toHaveLength(1);
    expect(caller[0]!.json.body).toContain("Luigi's Trattoria: thanks Ada!");
    expect(caller[0]!.json.body).toContain('Reply STOP to opt out.');

    const mails = h.smtp.mailsTo('owner@demo-restaurant.test');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('New pickup order: $40.28 for Ada, 6:30 PM');
    expect(mails[0]!.text).toContain('2 x Margherita Pizza');
    expect(mails[0]!.messageId).toMatch(/^<msg_[0-9a-f]{24}@vozlia\.test>$/);

    const { items } = await api('demo_restaurant', 'messages?order_id=ord_e2e001');
    expect(items.map((m: { recipient: string; channel: string; status: string }) => `${m.recipient}:${m.channel}:${m.status}`).sort()).toEqual([
      'customer:sms:sent',
      'owner:email:sent',
      'owner:sms:sent',
    ]);
    expect(items.find((m: { channel: string; recipient: string }) => m.channel === 'sms' && m.recipient === 'owner').segments).toBe(1);

    const sent = await h.events.readAll({ tenantId: 'demo_restaurant', types: ['message.sent'] });
    expect(sent.map((e) => e.payload).map((p) => `${p.channel}:${p.segments}`).sort()).toEqual(['email:0', 'sms:1', 'sms:1']);
  });

  it('records Twilio’s delivery report on the message', async () => {
    const [owner] = h.twilio.messagesTo(RESTAURANT_OWNER);
    expect(await h.twilio.report(owner!.json.sid, 'delivered')).toBe(204);
    const { items } = await api('demo_restaurant', 'messages?order_id=ord_e2e001');
    const sms = items.find((m: { provider_ref: string }) => m.provider_ref === owner!.json.sid);
    expect(sms.status).toBe('delivered');
    expect(sms.delivered_at).not.toBeNull();
  });

  it('an appointment at demo_barbershop: owner SMS with the slot and service, confirmation, email', async () => {
    await h.requestAppointment('demo_barbershop', {
      appointmentId: 'apt_e2e001',
      customerName: 'Ben',
      customerPhone: '+15557770002',
      service: 'Skin Fade',
      staff: 'Marco',
      startsAt: new Date('2026-12-02T15:30:00Z'),
      priceCents: 3500,
    });
    await h.drain();
    expect(h.twilio.messagesTo(BARBERSHOP_OWNER).map((m) => m.json.body)).toEqual([
      'New booking request: Skin Fade with Marco, tomorrow 10:30 AM, for Ben (+15557770002). $35.00.',
    ]);
    expect(h.twilio.messagesTo(BARBERSHOP_OWNER)[0]!.json.from).toBe('+15550100002');
    expect(h.twilio.messagesTo('+15557770002')[0]!.json.body).toBe(
      "Sharp Cuts Barbershop: Ben, your Skin Fade with Marco is requested for tomorrow 10:30 AM. We'll confirm by text. Reply STOP to opt out.",
    );
    expect(h.smtp.mailsTo('owner@demo-barbershop.test').map((m) => m.subject)).toEqual(['New booking request: Skin Fade, tomorrow 10:30 AM, Ben']);
  });

  it('a missed call: the owner’s SMS with the caller’s number, nothing to the caller', async () => {
    await h.missCall('demo_restaurant', 'CAe2emissed0001', '+15552030001', '+15550100001');
    await h.drain();
    const owner = h.twilio.messagesTo(RESTAURANT_OWNER);
    expect(owner[owner.length - 1]!.json.body).toBe("Luigi's Trattoria: missed call from +15552030001 at 6:00 PM. They may have wanted to order. Call back?");
    expect(h.twilio.messagesTo('+15552030001')).toHaveLength(0);
    const { items } = await api('demo_restaurant', 'messages?call_sid=CAe2emissed0001');
    expect(items.map((m: { channel: string }) => m.channel).sort()).toEqual(['email', 'sms']);
  });

  it('posts a signed webhook that a receiver verifies, once the tenant sets a URL', async () => {
    const put = await h.app.inject({
      method: 'PUT',
      url: '/api/tenants/demo_barbershop/notifications/settings',
      payload: { contacts: { sms: [BARBERSHOP_OWNER], email: [] }, webhook: { url: h.webhooks.url }, policies: { missed_call: { owner: ['webhook'] } } },
    });
    expect(put.statusCode).toBe(200);
    const secret = put.json().new_webhook_secret as string;
    expect(secret).toMatch(/^whsec_/);
    h.webhooks.useSecrets([secret]);

    await h.missCall('demo_barbershop', 'CAe2emissed0002', '+15552030002', '+15550100002');
    await h.drain();
    const [delivery] = h.webhooks.deliveries;
    expect(delivery?.verified).toBe(true);
    expect(verifySignature(delivery!.raw, delivery!.signature, [secret], h.clock())).toBe(true);
    expect(delivery!.body).toEqual({
      id: delivery!.id,
      type: 'call.missed',
      tenant_id: 'demo_barbershop',
      occurred_at: NOW.toISOString(),
      data: { call_sid: 'CAe2emissed0002', from: '+15552030002', at: NOW.toISOString() },
    });
    // Policy said webhook only for missed calls: no SMS this time.
    expect(h.twilio.messagesTo('+15550109002').filter((m) => m.json.body.includes('+15552030002'))).toHaveLength(0);
  });
});
