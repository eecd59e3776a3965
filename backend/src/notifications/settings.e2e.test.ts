import { NotificationSettings } from '@vozlia/contract';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../testing/test-db.js';
import { HARNESS_START_MS, NotifyHarness } from '../testing/notify-harness.js';
import { SECRET_ROTATION_MS } from './settings-projection.js';

const NOW = new Date('2026-12-01T23:00:00Z');
const SETTINGS = '/api/tenants/demo_restaurant/notifications/settings';

describe.each(testDatabaseKinds())('a new deployment without Twilio or SMTP, and the settings API (%s)', (kind) => {
  let h: NotifyHarness;
  beforeAll(async () => {
    h = await NotifyHarness.start({ kind, now: NOW, twilioConfigured: false });
  }, HARNESS_START_MS);
  afterAll(async () => h?.close());

  const put = (payload: unknown, tenant = 'demo_restaurant') => h.app.inject({ method: 'PUT', url: `/api/tenants/${tenant}/notifications/settings`, payload: payload as object });

  it('with TWILIO_* and SMTP_URL unset, the order still succeeds and each message is failed not_configured, visibly', async () => {
    const placed = await h.placeOrder('demo_restaurant', { orderId: 'ord_nc1', customerName: 'Fay', customerPhone: '+15557772001', lines: [{ itemName: 'Tiramisu', quantity: 1, unitPriceCents: 800 }], requestedFor: NOW });
    expect(placed.events.map((e) => e.type)).toEqual(['order.placed', 'notification.queued']);
    expect(await h.drain()).toBe(0); // nothing to try
    const res = await h.app.inject({ method: 'GET', url: '/api/tenants/demo_restaurant/notifications/messages?order_id=ord_nc1' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((m: { recipient: string; channel: string; status: string; error_code: string }) => `${m.recipient}:${m.channel}:${m.status}:${m.error_code}`).sort()).toEqual([
      'customer:sms:failed:not_configured',
      'owner:email:failed:not_configured',
      'owner:sms:failed:not_configured',
    ]);
    expect(h.twilio.requests).toEqual([]);
    expect(h.smtp.mails).toEqual([]);
  });

  it('tells nobody about seeded history', async () => {
    await h.events.append({
      tenantId: 'demo_restaurant',
      stream: { type: 'notification', id: 'notification:demo_restaurant:missed:CAseeded' },
      events: [{ type: 'notification.queued', payload: { tenantId: 'demo_restaurant', notificationId: 'missed:CAseeded', kind: 'missed_call', channel: 'sms', subject: 'old', ref: { callSid: 'CAseeded' } }, metadata: { source: 'seed' } }],
    });
    expect(await h.db.selectFrom('messages').select('id').where('call_sid', '=', 'CAseeded').execute()).toEqual([]);
  });

  it('serves the seeded demo contacts (contract §9) with the effective routing', async () => {
    const res = await h.app.inject({ method: 'GET', url: SETTINGS });
    expect(res.statusCode).toBe(200);
    const body = NotificationSettings.parse(res.json());
    expect(body.contacts).toEqual({ sms: ['+15550109001'], email: ['owner@demo-restaurant.test'] });
    expect(body.webhook).toBeNull();
    expect(body.quiet_hours).toBeNull();
    expect(body.time_zone).toBe('America/New_York');
    expect(body.effective.order_placed).toEqual({ owner: ['sms', 'email', 'webhook'], customer: true, urgent: false });
    const barbershop = await h.app.inject({ method: 'GET', url: '/api/tenants/demo_barbershop/notifications/settings' });
    expect(barbershop.json().contacts).toEqual({ sms: ['+15550109002'], email: ['owner@demo-barbershop.test'] });
  });

  it('refuses bad input with a 400 naming the field, and changes nothing', async () => {
    for (const [payload, field] of [
      [{ contacts: { sms: ['555-0100'] } }, 'contacts.sms.0'],
      [{ contacts: { email: ['not-an-email'] } }, 'contacts.email.0'],
      [{ quiet_hours: { start: '25:00', end: '07:00' } }, 'quiet_hours.start'],
      [{ webhook: { url: 'ftp://example.test' } }, 'webhook.url'],
      [{ webhook: { url: 'https://example.test', secret: 'short' } }, 'webhook.secret'],
      [{ policies: { order_placed: { owner: ['pigeon'] } } }, 'policies.order_placed.owner.0'],
      [{ surprise: true }, ''],
    ] as const) {
      const res = await put(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().message).toContain(field);
    }
    expect((await h.app.inject({ method: 'GET', url: SETTINGS })).json().contacts.sms).toEqual(['+15550109001']);
  });

  it('two editors: a save over a version read before the other saved is a 412 and changes nothing', async () => {
    const read = await h.app.inject({ method: 'GET', url: SETTINGS });
    expect(read.headers.etag).toMatch(/^"v\d+"$/);
    const { contacts } = read.json() as { contacts: { sms: string[]; email: string[] } };
    const putOver = (payload: unknown, etag: string) => h.app.inject({ method: 'PUT', url: SETTINGS, payload: payload as object, headers: { 'if-match': etag } });
    const first = await putOver({ contacts, quiet_hours: { start: '22:00', end: '07:00' } }, String(read.headers.etag));
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).not.toBe(read.headers.etag);
    const second = await putOver({ contacts: { ...contacts, sms: [] } }, String(read.headers.etag));
    expect(second.statusCode).toBe(412);
    expect(second.json()).toMatchObject({ error: 'stale', message: expect.stringContaining('the notification settings changed after') });
    expect((await putOver({ contacts }, '"v999999"')).statusCode).toBe(412);
    const now = await h.app.inject({ method: 'GET', url: SETTINGS });
    expect(now.json()).toMatchObject({ contacts: { sms: contacts.sms }, quiet_hours: { start: '22:00', end: '07:00' } });
    expect(now.headers.etag).toBe(first.headers.etag);
    expect((await put({ contacts })).statusCode).toBe(200);
  });

  it('answers 404 for a tenant that does not exist', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/api/tenants/nobody_here/notifications/settings' })).statusCode).toBe(404);
    expect((await put({}, 'nobody_here')).statusCode).toBe(404);
  });

  it('creates a webhook secret once, shows only its hint after, keeps it, and signs with both during a rotation', async () => {
    const first = await put({ contacts: { sms: ['+15550109001'], email: [] }, webhook: { url: h.webhooks.url } });
    expect(first.statusCode).toBe(200);
    const secret = first.json().new_webhook_secret as string;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(first.json().webhook).toEqual({ url: h.webhooks.url, secret_hint: `whsec_…${secret.slice(-4)}` });

    const again = await put({ contacts: { sms: ['+15550109001'], email: [] }, webhook: { url: h.webhooks.url } });
    expect(again.json().new_webhook_secret).toBeUndefined();
    expect(JSON.stringify((await h.app.inject({ method: 'GET', url: SETTINGS })).json())).not.toContain(secret);

    const rotated = 'whsec_' + Buffer.alloc(32, 7).toString('base64');
    expect((await put({ contacts: { sms: ['+15550109001'], email: [] }, webhook: { url: h.webhooks.url, secret: rotated } })).statusCode).toBe(200);

    // A receiver still on the old secret verifies deliveries for 24 h...
    h.webhooks.useSecrets([secret]);
    await h.missCall('demo_restaurant', 'CArotation1', '+15552031001', '+15550100001');
    await h.drain();
    expect(h.webhooks.deliveries.at(-1)).toMatchObject({ verified: true });
    expect(h.webhooks.deliveries.at(-1)!.signature!.match(/v1=/g)).toHaveLength(2);

    // ...and not after.
    h.time.advance(SECRET_ROTATION_MS + 60_000);
    await h.missCall('demo_restaurant', 'CArotation2', '+15552031002', '+15550100001');
    await h.drain();
    expect(h.webhooks.deliveries.at(-1)!.signature!.match(/v1=/g)).toHaveLength(1);
    expect(h.webhooks.deliveries.at(-1)!.verified).toBe(false);
    h.webhooks.useSecrets([rotated]);
  });

  it('removes a webhook whose receiver answers 410 Gone', async () => {
    h.webhooks.answerNext(1, 410);
    await h.missCall('demo_restaurant', 'CAgone1', '+15552031003', '+15550100001');
    await h.drain();
    const hook = await h.db.selectFrom('messages').selectAll().where('call_sid', '=', 'CAgone1').where('channel', '=', 'webhook').executeTakeFirstOrThrow();
    expect(hook).toMatchObject({ status: 'dead', error_code: 'endpoint_gone', attempts: 1 });
    expect((await h.app.inject({ method: 'GET', url: SETTINGS })).json().webhook).toBeNull();
    const posts = h.webhooks.deliveries.length;
    await h.missCall('demo_restaurant', 'CAgone2', '+15552031004', '+15550100001');
    await h.drain();
    expect(h.webhooks.deliveries.length).toBe(posts);
  });

  it('offers messages as the `notifications` analytic subject, one row per message, without addresses', async () => {
    const rows = await h.db.transaction().execute(async (trx) => {
      await sql`select set_config('voz.tenant_id', 'demo_restaurant', true)`.execute(trx);
      return (await sql<Record<string, unknown>>`select * from analytics.notifications`.execute(trx)).rows;
    });
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['id', 'kind', 'channel', 'status', 'subject', 'created_at', 'sent_at', 'recipient', 'error_code', 'order_id', 'call_sid']));
    expect(Object.keys(rows[0]!)).not.toContain('to_address');
    expect(rows.every((r) => r.tenant_id === 'demo_restaurant')).toBe(true);
    const none = await sql`select * from analytics.notifications`.execute(h.db);
    expect(none.rows).toEqual([]); // no tenant set, no rows
  });

  it('pages through messages newest first', async () => {
    const first = (await h.app.inject({ method: 'GET', url: '/api/tenants/demo_restaurant/notifications/messages?limit=2' })).json();
    expect(first.items).toHaveLength(2);
    expect(first.next_cursor).toEqual(expect.any(String));
    const second = (await h.app.inject({ method: 'GET', url: `/api/tenants/demo_restaurant/notifications/messages?limit=2&cursor=${first.next_cursor}` })).json();
    const ids = [...first.items, ...second.items].map((m: { id: string }) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(first.items[0].created_at >= second.items[0].created_at).toBe(true);
    expect((await h.app.inject({ method: 'GET', url: '/api/tenants/demo_restaurant/notifications/messages?status=nope' })).statusCode).toBe(400);
    const one = await h.app.inject({ method: 'GET', url: `/api/tenants/demo_restaurant/notifications/messages/${ids[0]}` });
    expect(one.json().id).toBe(ids[0]);
    expect((await h.app.inject({ method: 'GET', url: `/api/tenants/demo_barbershop/notifications/messages/${ids[0]}` })).statusCode).toBe(404);
  });
});
