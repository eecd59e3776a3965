import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../../backend/src/main.js';
import { testDatabaseKinds } from '../../../backend/src/testing/test-db.js';
import { startTestRuntime } from '../../../backend/src/testing/test-runtime.js';
import { ADMIN, ADMIN_TOKEN, BOOT_TIMEOUT_MS, startBillingEnv, type BillingTestEnv } from '../testing/billing-test-env.js';
import { StripeFake } from '../testing/stripe-fake.js';

const ZONE = 'America/New_York';
const PERIOD = DateTime.now().setZone(ZONE).minus({ months: 1 }).toFormat('yyyy-MM');
const plan = { monthly_fee_cents: 2900, included_minutes: 5, overage_cents_per_minute: 11, effective_from: DateTime.fromFormat(PERIOD, 'yyyy-MM', { zone: ZONE }).toISO()! };
const TENANTS = ['demo_barbershop', 'demo_restaurant'];

// Two `startServer` on one PostgreSQL (PGlite is one process's database): the unique key on
// (tenant, period) and the Stripe idempotency keys make a close exactly-once across instances.
describe.each(testDatabaseKinds().filter((k) => k === 'postgres'))('billing on two instances of one %s database', () => {
  let fake: StripeFake;
  let env: BillingTestEnv;
  let second: Runtime;

  beforeAll(async () => {
    fake = await StripeFake.start();
    const stripeEnv = { STRIPE_SECRET_KEY: fake.secretKey, STRIPE_API_BASE: fake.url, STRIPE_WEBHOOK_SECRET: 'whsec_two_instances' };
    env = await startBillingEnv('postgres', { env: stripeEnv });
    second = await startTestRuntime({ databaseUrl: env.url!, env: { VOZ_ADMIN_TOKEN: ADMIN_TOKEN, ...stripeEnv }, overrides: { billingSettleMs: 0 } });
    for (const t of TENANTS) {
      const res = await env.runtime.app.inject({ method: 'PUT', url: `/api/admin/tenants/${t}/plan`, headers: ADMIN, payload: plan });
      expect(res.statusCode, res.body).toBe(200);
    }
  }, 2 * BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await second?.close();
    await env?.close();
    await fake?.close();
  });

  it('closing the same period on both at once makes one invoice per tenant, and one Stripe invoice with one item per line', async () => {
    const close = (r: Runtime) => r.app.inject({ method: 'POST', url: '/api/admin/billing/close', headers: ADMIN, payload: { period: PERIOD } });
    const [a, b] = await Promise.all([close(env.runtime), close(second)]);
    expect(a.statusCode, a.body).toBe(200);
    expect(b.statusCode, b.body).toBe(200);
    const ids = (r: typeof a) => (r.json().invoices as { id: string; tenant_id: string }[]).map((i) => [i.tenant_id, i.id]);
    expect(ids(a).map(([t]) => t)).toEqual(TENANTS);
    expect(ids(b)).toEqual(ids(a));

    const rows = await env.db.selectFrom('invoices').select(['id', 'tenant_id', 'stripe_invoice_id', 'stripe_finalized_at']).where('period', '=', PERIOD).orderBy('tenant_id').execute();
    expect(rows.map((r) => [r.tenant_id, r.id])).toEqual(ids(a));
    for (const row of rows) {
      const lines = await env.db.selectFrom('invoice_lines').select('position').where('invoice_id', '=', row.id).execute();
      expect(lines.length).toBeGreaterThan(0);
      const issued = await sql<{ n: number }>`select count(*) as n from events where type = 'billing.invoice_issued' and payload->>'invoice_id' = ${row.id}`.execute(env.db);
      expect(issued.rows[0]!.n).toBe(1);
      // Stripe: one customer per tenant, one invoice per product invoice, one item per line, finalized.
      expect([...fake.customers.values()].filter((c) => (c.metadata as Record<string, string>).vozlia_tenant_id === row.tenant_id)).toHaveLength(1);
      expect([...fake.invoices.values()].filter((i) => (i.metadata as Record<string, string>).vozlia_invoice_id === row.id)).toHaveLength(1);
      expect([...fake.invoiceItems.values()].filter((i) => i.invoice === row.stripe_invoice_id)).toHaveLength(lines.length);
      expect(fake.invoices.get(row.stripe_invoice_id!)).toMatchObject({ status: 'open' });
    }

    // The other instance answers a repeat with the same invoices, and Stripe hears nothing new.
    const before = fake.requests.length;
    expect(ids(await close(second))).toEqual(ids(a));
    expect(fake.requests.length).toBe(before);
  });
});
