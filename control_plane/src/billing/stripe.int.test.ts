import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { DateTime } from 'luxon';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../backend/src/testing/test-db.js';
import { ADMIN, BOOT_TIMEOUT_MS, startBillingEnv, type BillingTestEnv } from '../testing/billing-test-env.js';
import { StripeFake } from '../testing/stripe-fake.js';
import { stripeKeys } from './stripe-sync.js';

const ZONE = 'America/New_York';
const PERIOD = DateTime.now().setZone(ZONE).minus({ months: 1 }).toFormat('yyyy-MM');
const periodStart = DateTime.fromFormat(PERIOD, 'yyyy-MM', { zone: ZONE });
const WEBHOOK_SECRET = 'whsec_test_vozlia';
const plan = { monthly_fee_cents: 4900, included_minutes: 10, overage_cents_per_minute: 7, sms_cents_per_segment: 0, effective_from: periodStart.toISO()! };

/** The real app with STRIPE_SECRET_KEY, STRIPE_API_BASE (a local Stripe) and STRIPE_WEBHOOK_SECRET set. */
describe.each(testDatabaseKinds())('Stripe from the app, against a local Stripe (%s)', (kind) => {
  let env: BillingTestEnv;
  let fake: StripeFake;
  let api: FastifyInstance;
  const close = (tenant_id: string) => api.inject({ method: 'POST', url: '/api/admin/billing/close', headers: ADMIN, payload: { period: PERIOD, tenant_id } });
  const stored = (tenant: string) => env.db.selectFrom('invoices').selectAll().where('tenant_id', '=', tenant).where('period', '=', PERIOD).executeTakeFirstOrThrow();
  const linesOf = (invoiceId: string) => env.db.selectFrom('invoice_lines').selectAll().where('invoice_id', '=', invoiceId).orderBy('position').execute();

  beforeAll(async () => {
    fake = await StripeFake.start();
    env = await startBillingEnv(kind, { env: { STRIPE_SECRET_KEY: fake.secretKey, STRIPE_API_BASE: fake.url, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET } });
    api = env.runtime.app;
    for (const t of ['demo_restaurant', 'demo_barbershop']) {
      const res = await api.inject({ method: 'PUT', url: `/api/admin/tenants/${t}/plan`, headers: ADMIN, payload: plan });
      expect(res.statusCode, res.body).toBe(200);
    }
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await env?.close();
    await fake?.close();
  });

  it('creates the customer once, one invoice item per line and a finalized invoice, every POST form-encoded with its key', async () => {
    const res = await close('demo_restaurant');
    expect(res.statusCode, res.body).toBe(200);
    const [inv] = res.json().invoices;
    const row = await stored('demo_restaurant');
    const lines = await linesOf(row.id);
    expect(lines.length).toBeGreaterThanOrEqual(2); // fee + overage on the demo history
    expect(inv.stripe_invoice_id).toMatch(/^in_fake/);
    expect(row.stripe_finalized_at).not.toBeNull();
    const posts = fake.posts();
    expect(posts.map((r) => [r.path, r.idempotencyKey])).toEqual([
      ['/v1/customers', stripeKeys.customer('demo_restaurant')],
      ['/v1/invoices', stripeKeys.invoice(row.id)],
      ...lines.map((l) => ['/v1/invoiceitems', stripeKeys.item(row.id, l.position)]),
      [`/v1/invoices/${inv.stripe_invoice_id}/finalize`, stripeKeys.finalize(row.id)],
    ]);
    expect(posts[0]!.params).toMatchObject({ name: 'demo_restaurant', 'metadata[vozlia_tenant_id]': 'demo_restaurant' });
    const cus = [...fake.customers.keys()][0]!;
    expect(posts[1]!.params).toMatchObject({ customer: cus, currency: 'usd', collection_method: 'send_invoice', auto_advance: 'false', pending_invoice_items_behavior: 'exclude', 'metadata[vozlia_invoice_id]': row.id });
    lines.forEach((l, i) => expect(posts[2 + i]!.params).toMatchObject({ customer: cus, invoice: inv.stripe_invoice_id, amount: String(l.amount_cents), currency: 'usd' }));
    expect(posts.at(-1)!.params).toEqual({ auto_advance: 'false' });
    expect(fake.invoices.get(inv.stripe_invoice_id)).toMatchObject({ status: 'open', total: inv.total_cents });

    const before = fake.requests.length;
    const again = await close('demo_restaurant');
    expect(again.json()).toEqual(res.json());
    expect(fake.requests.length).toBe(before); // a repeated close sends nothing
  });

  it('sends no duplicate item when a close is retried after a crash midway', async () => {
    // Stripe creates every invoice item, but no answer comes back (stripe-node retries with the
    // same key, and loses those answers too): the close stands, its Stripe sync failed.
    fake.dropResponseAfterActing((r) => r.path === '/v1/invoiceitems', Number.POSITIVE_INFINITY);
    const crashed = await close('demo_barbershop');
    expect(crashed.statusCode, crashed.body).toBe(200);
    fake.stopDropping();
    const first = await stored('demo_barbershop');
    expect(first.stripe_finalized_at).toBeNull();
    const retryJob = await sql<{ n: number }>`select count(*) as n from jobs where queue = 'billing.stripe_sync' and payload->>'invoice_id' = ${first.id}`.execute(env.db);
    expect(retryJob.rows[0]!.n).toBe(1);

    // The retried close loses the finalize answer once; stripe-node retries it with our key.
    fake.dropResponseAfterActing((r) => r.path.endsWith('/finalize'), 1);
    const done = await close('demo_barbershop');
    expect(done.statusCode, done.body).toBe(200);
    const row = await stored('demo_barbershop');
    const lines = await linesOf(row.id);
    expect(row.id).toBe(first.id);
    expect(row.stripe_finalized_at).not.toBeNull();
    const items = [...fake.invoiceItems.values()].filter((i) => i.invoice === row.stripe_invoice_id);
    expect(items).toHaveLength(lines.length);
    expect(lines.every((l) => l.stripe_item_id !== null)).toBe(true);
    for (const l of lines) {
      const sent = fake.posts('/v1/invoiceitems').filter((r) => r.idempotencyKey === stripeKeys.item(row.id, l.position));
      expect(sent.map((r) => r.replayed)).toEqual([false, ...sent.slice(1).map(() => true)]);
    }
    const finalize = fake.posts(/\/finalize$/).filter((r) => r.idempotencyKey === stripeKeys.finalize(row.id));
    expect(finalize.map((r) => r.replayed)).toEqual([false, true]);
    expect(fake.posts('/v1/customers').filter((r) => r.params.name === 'demo_barbershop')).toHaveLength(1);
    expect(fake.posts('/v1/invoices').filter((r) => r.params['metadata[vozlia_invoice_id]'] === row.id)).toHaveLength(1);
    expect(fake.invoices.get(row.stripe_invoice_id!)).toMatchObject({ status: 'open', total: row.total_cents });
  });

  describe('POST /stripe/webhook', () => {
    const deliver = (body: string, signature: string | undefined, contentType = 'application/json') =>
      api.inject({ method: 'POST', url: '/stripe/webhook', headers: { 'content-type': contentType, ...(signature ? { 'stripe-signature': signature } : {}) }, payload: body });
    const eventBody = (id: string, type: string, stripeInvoiceId: string) =>
      JSON.stringify({ id, object: 'event', type, api_version: '2026-10-28.endive', created: Math.floor(Date.now() / 1000), data: { object: { id: stripeInvoiceId, object: 'invoice' } } });
    const sign = (payload: string, secret = WEBHOOK_SECRET, timestamp = Math.floor(Date.now() / 1000)) => Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
    const invoiceOf = async (tenant: string) => {
      const res = await api.inject({ url: `/api/admin/tenants/${tenant}/invoices`, headers: ADMIN });
      return (res.json().items as { period: string; status: string; stripe_invoice_id: string }[]).find((i) => i.period === PERIOD)!;
    };

    it('refuses a forged, missing or stale signature with 400 and changes nothing', async () => {
      const inv = await invoiceOf('demo_restaurant');
      const body = eventBody('evt_forged', 'invoice.paid', inv.stripe_invoice_id);
      expect((await deliver(body, sign(body, 'whsec_not_ours'))).statusCode).toBe(400);
      expect((await deliver(body, undefined)).statusCode).toBe(400);
      expect((await deliver(body, sign(body, WEBHOOK_SECRET, Math.floor(Date.now() / 1000) - 301))).statusCode).toBe(400);
      expect((await deliver(body.replace('invoice.paid', 'invoice.paid '), sign(body))).statusCode).toBe(400); // body altered
      expect((await deliver(body, sign(body, 'whsec_not_ours'), 'text/plain')).statusCode).toBe(400);
      expect((await invoiceOf('demo_restaurant')).status).toBe('issued');
    });

    it('sets the invoice paid on invoice.paid, once; a late payment_failed does not undo it', async () => {
      const inv = await invoiceOf('demo_restaurant');
      const paid = eventBody('evt_paid_1', 'invoice.paid', inv.stripe_invoice_id);
      const res = await deliver(paid, sign(paid));
      expect(res.statusCode, res.body).toBe(200);
      expect((await invoiceOf('demo_restaurant')).status).toBe('paid');
      expect((await deliver(paid, sign(paid))).json()).toEqual({ received: true, duplicate: true });
      const failed = eventBody('evt_failed_1', 'invoice.payment_failed', inv.stripe_invoice_id);
      expect((await deliver(failed, sign(failed))).statusCode).toBe(200);
      expect((await invoiceOf('demo_restaurant')).status).toBe('paid');
      const row = await stored('demo_restaurant');
      const events = await sql<{ type: string }>`select type from events where stream_type = 'billing' and payload->>'invoice_id' = ${row.id} order by position`.execute(env.db);
      expect(events.rows.map((r) => r.type)).toEqual(['billing.invoice_issued', 'billing.invoice_paid', 'billing.invoice_payment_failed']);
      const recorded = await env.db.selectFrom('stripe_events').select('id').orderBy('id').execute();
      expect(recorded.map((r) => r.id)).toEqual(['evt_failed_1', 'evt_paid_1']);
    });

    it('records invoice.payment_failed on an unpaid invoice', async () => {
      const inv = await invoiceOf('demo_barbershop');
      const failed = eventBody('evt_failed_2', 'invoice.payment_failed', inv.stripe_invoice_id);
      expect((await deliver(failed, sign(failed))).statusCode).toBe(200);
      expect((await invoiceOf('demo_barbershop')).status).toBe('payment_failed');
    });
  });
});
