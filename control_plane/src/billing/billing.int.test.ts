import Fastify, { type FastifyInstance } from 'fastify';
import { DateTime } from 'luxon';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../backend/src/testing/test-db.js';
import { BOOT_TIMEOUT_MS, startBillingEnv, type BillingTestEnv } from '../testing/billing-test-env.js';
import { usageAdminRoutes, usageTenantRoutes } from '../usage/routes.js';
import { billingAdminRoutes, billingTenantRoutes } from './routes.js';

const ZONE = 'America/New_York';
const TENANT = 'demo_restaurant';
const now = () => DateTime.now().setZone(ZONE);
/** The last whole month of the demo history (60 days up to today). */
const PERIOD = now().minus({ months: 1 }).toFormat('yyyy-MM');
const CURRENT = now().toFormat('yyyy-MM');
const periodStart = DateTime.fromFormat(PERIOD, 'yyyy-MM', { zone: ZONE });

/** Independent of the code under test: SQL over the events table, month bounds by PostgreSQL. */
async function usageBySql(db: Kysely<unknown>, tenantId: string, period: string) {
  const { rows } = await sql<Record<string, number>>`
    with w as (
      select (${period}::text || '-01')::timestamp at time zone ${ZONE}::text as f,
             ((${period}::text || '-01')::timestamp + interval '1 month') at time zone ${ZONE}::text as t),
    e as (select type, payload from events, w where tenant_id = ${tenantId} and occurred_at >= w.f and occurred_at < w.t),
    d as (select type, payload, coalesce(case when jsonb_typeof(payload->'durationSeconds') = 'number' then (payload->>'durationSeconds')::numeric end, 0) as s from e)
    select
      count(*) filter (where type = 'call.ended') as calls,
      coalesce(sum(s) filter (where type = 'call.ended'), 0) as call_seconds,
      coalesce(sum(ceil(s / 60)) filter (where type = 'call.ended'), 0) as billable_minutes,
      coalesce(sum(round(extract(epoch from (payload->>'endedAt')::timestamptz - (payload->>'startedAt')::timestamptz))) filter (where type = 'call.recorded'), 0) as ai_seconds,
      count(*) filter (where type = 'message.sent' and payload->>'channel' = 'sms') as sms_sent,
      coalesce(sum((payload->>'segments')::int) filter (where type = 'message.sent' and payload->>'channel' = 'sms'), 0) as sms_segments,
      count(*) filter (where type = 'message.sent' and payload->>'channel' = 'email') as emails_sent,
      count(*) filter (where type = 'transfer.requested') as transfers_requested,
      count(*) filter (where type = 'transfer.completed') as transfers_completed
    from d`.execute(db);
  const tools = await sql<{ name: string; n: number }>`
    select t->>'name' as name, count(*) as n
    from events, jsonb_array_elements(payload->'toolCalls') t
    where tenant_id = ${tenantId} and type = 'call.recorded'
      and occurred_at >= (${period}::text || '-01')::timestamp at time zone ${ZONE}::text
      and occurred_at < ((${period}::text || '-01')::timestamp + interval '1 month') at time zone ${ZONE}::text
    group by 1 order by 1`.execute(db);
  return { ...rows[0]!, tool_runs_by_tool: Object.fromEntries(tools.rows.map((r) => [r.name, r.n])) };
}

/** Usage the demo history lacks (call records, messages, transfers), plus edge cases at the bounds. */
async function addSyntheticUsage(env: BillingTestEnv) {
  const at = (days: number, seconds = 0) => periodStart.plus({ days, seconds }).toJSDate();
  const rec = (sid: string, start: Date, ms: number, tools: string[]) => ({
    callSid: sid,
    tenantId: TENANT,
    startedAt: start.toISOString(),
    endedAt: new Date(start.getTime() + ms).toISOString(),
    toolCalls: tools.map((name, i) => ({ name, callId: `c${i}`, ok: true, latencyMs: 5, at: start.toISOString() })),
  });
  const events: [string, string, Record<string, unknown>, Date][] = [
    ['call.recorded', 'syn-1', rec('CAsyn1', at(2), 61_400, ['place_order', 'search_knowledge_base']), at(2, 62)],
    ['call.recorded', 'syn-2', rec('CAsyn2', at(3), 30_500, ['place_order']), at(3, 31)],
    ['call.ended', 'syn-3', { callSid: 'CAsyn3', status: 'completed', durationSeconds: null }, at(4)],
    ['call.ended', 'syn-4', { callSid: 'CAsyn4', status: 'completed', durationSeconds: 121 }, at(0)], // first instant
    ['call.ended', 'syn-5', { callSid: 'CAsyn5', status: 'completed', durationSeconds: 999 }, periodStart.plus({ months: 1 }).toJSDate()], // next month
    ['message.sent', 'syn-6', { channel: 'sms', segments: 2 }, at(5)],
    ['message.sent', 'syn-7', { channel: 'sms', segments: 1 }, at(6)],
    ['message.sent', 'syn-8', { channel: 'email', segments: 1 }, at(6)],
    ['transfer.requested', 'syn-9', { callSid: 'CAsyn1' }, at(2, 30)],
    ['transfer.completed', 'syn-10', { callSid: 'CAsyn1' }, at(2, 40)],
  ];
  for (const [type, stream, payload, occurred] of events) await env.append(TENANT, stream, type, payload, occurred);
  await env.append('_shared', 'syn-11', 'call.ended', { callSid: 'CAsyn11', status: 'completed', durationSeconds: 300 }, at(7));
}

async function buildApi(env: BillingTestEnv): Promise<FastifyInstance> {
  const b = env.billing();
  const app = Fastify();
  const opts = { plans: b.plans, close: b.close, store: b.store, tenants: b.tenants };
  await app.register(usageAdminRoutes, { usage: b.usage, isAdmin: (req) => req.headers.authorization === 'Bearer admin' });
  await app.register(billingAdminRoutes, { ...opts, isAdmin: (req) => req.headers.authorization === 'Bearer admin' });
  await app.register(
    async (scope) => {
      await scope.register(usageTenantRoutes, { usage: b.usage });
      await scope.register(billingTenantRoutes, opts);
    },
    { prefix: '/api/tenants/:tenant_id' },
  );
  return app;
}

const admin = { authorization: 'Bearer admin' };

describe.each(testDatabaseKinds())('billing over the demo history (%s)', (kind) => {
  let env: BillingTestEnv;
  let api: FastifyInstance;

  beforeAll(async () => {
    env = await startBillingEnv(kind);
    await addSyntheticUsage(env);
    api = await buildApi(env);
    const plan = { monthly_fee_cents: 4900, included_minutes: 100, overage_cents_per_minute: 12, sms_cents_per_segment: 3, effective_from: periodStart.toISO()! };
    for (const t of [TENANT, 'demo_barbershop']) {
      const res = await api.inject({ method: 'PUT', url: `/api/admin/tenants/${t}/plan`, headers: admin, payload: plan });
      expect(res.statusCode, res.body).toBe(200);
    }
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await api?.close();
    await env?.close();
  });

  it('meters the period exactly as an independent SQL computation over the events', async () => {
    const res = await api.inject({ url: `/api/admin/tenants/${TENANT}/usage?period=${PERIOD}`, headers: admin });
    expect(res.statusCode, res.body).toBe(200);
    const usage = res.json();
    const expected = await usageBySql(env.db as Kysely<unknown>, TENANT, PERIOD);
    expect(usage).toMatchObject({ period: PERIOD, time_zone: ZONE, ...expected });
    expect(usage.tool_runs).toBe(3);
    expect(usage.calls).toBeGreaterThan(40); // the demo history, not only the synthetic calls
    // The owner sees the same numbers under the tenant scope.
    const own = await api.inject({ url: `/api/tenants/${TENANT}/usage?period=${PERIOD}` });
    expect(own.json()).toEqual(usage);
  });

  it('refuses bad input with the field named, an unknown tenant with 404, and non-admins with 401', async () => {
    const bad = await api.inject({ url: `/api/admin/tenants/${TENANT}/usage?period=2026-13`, headers: admin });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('period');
    expect((await api.inject({ url: `/api/admin/tenants/nobody/usage?period=${PERIOD}`, headers: admin })).statusCode).toBe(404);
    expect((await api.inject({ url: `/api/admin/tenants/${TENANT}/usage?period=${PERIOD}` })).statusCode).toBe(401);
    const plan = await api.inject({ method: 'PUT', url: `/api/admin/tenants/${TENANT}/plan`, headers: admin, payload: { monthly_fee_cents: -1, included_minutes: 0, overage_cents_per_minute: 0 } });
    expect(plan.statusCode).toBe(400);
    expect(plan.json().message).toContain('monthly_fee_cents');
  });

  it('closes an ended period into one invoice, exactly once; an open one only as final', async () => {
    const open = await api.inject({ method: 'POST', url: '/api/admin/billing/close', headers: admin, payload: { period: CURRENT, tenant_id: TENANT } });
    expect(open.statusCode).toBe(409);
    const openAll = await api.inject({ method: 'POST', url: '/api/admin/billing/close', headers: admin, payload: { period: CURRENT } });
    expect(openAll.statusCode).toBe(409);
    expect(openAll.json().error).toBe('period_open');
    expect(await env.db.selectFrom('invoices').select('id').where('period', '=', CURRENT).execute()).toEqual([]);

    const first = await api.inject({ method: 'POST', url: '/api/admin/billing/close', headers: admin, payload: { period: PERIOD, tenant_id: TENANT } });
    expect(first.statusCode, first.body).toBe(200);
    const [inv] = first.json().invoices;
    const usage = (await api.inject({ url: `/api/admin/tenants/${TENANT}/usage?period=${PERIOD}`, headers: admin })).json();
    const overage = Math.max(0, usage.billable_minutes - 100);
    expect(inv).toMatchObject({ tenant_id: TENANT, period: PERIOD, status: 'issued', final: false, stripe_invoice_id: null });
    expect(inv.lines.filter((l: { kind: string }) => l.kind !== 'adjustment_minutes' && l.kind !== 'adjustment_sms')).toEqual([
      { kind: 'monthly_fee', description: `Monthly fee, ${PERIOD}`, quantity: 1, unit_cents: 4900, amount_cents: 4900 },
      ...(overage ? [{ kind: 'overage_minutes', description: expect.any(String), quantity: overage, unit_cents: 12, amount_cents: overage * 12 }] : []),
      { kind: 'sms_segments', description: expect.any(String), quantity: 3, unit_cents: 3, amount_cents: 9 },
    ]);
    expect(inv.total_cents).toBe(inv.lines.reduce((s: number, l: { amount_cents: number }) => s + l.amount_cents, 0));

    const again = await api.inject({ method: 'POST', url: '/api/admin/billing/close', headers: admin, payload: { period: PERIOD, tenant_id: TENANT } });
    expect(again.json()).toEqual(first.json());
    const listed = await api.inject({ url: `/api/admin/tenants/${TENANT}/invoices`, headers: admin });
    expect(listed.json().items).toEqual([inv]);
    expect((await api.inject({ url: `/api/tenants/${TENANT}/invoices` })).json().items).toEqual([inv]);
    const count = await env.db.selectFrom('invoices').select((e) => e.fn.countAll<number>().as('n')).where('tenant_id', '=', TENANT).executeTakeFirstOrThrow();
    expect(count.n).toBe(1);

    // Month-end closes are jobs, one per tenant and period, due 15 minutes after local midnight.
    const { rows: jobs } = await sql<{ payload: { tenant_id: string; period: string }; run_at: Date }>`select payload, run_at from jobs where queue = 'billing.close'`.execute(env.db);
    const due = (p: string) => jobs.find((j) => j.payload.tenant_id === TENANT && j.payload.period === p)?.run_at.toISOString();
    const end = (p: string) => DateTime.fromFormat(p, 'yyyy-MM', { zone: ZONE }).plus({ months: 1, minutes: 15 }).toUTC().toISO();
    expect(due(PERIOD)).toBe(end(PERIOD));
    expect(due(CURRENT)).toBe(end(CURRENT)); // scheduled by the close of the previous one

    const csv = await api.inject({ url: `/api/admin/billing/export.csv?period=${PERIOD}`, headers: admin });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n').filter((l) => l.startsWith(inv.id))).toHaveLength(inv.lines.length);
    const own = await api.inject({ url: `/api/tenants/${TENANT}/invoices.csv` });
    expect(own.statusCode).toBe(200);
    expect(own.body.split('\r\n').filter((l) => l.startsWith(inv.id))).toHaveLength(inv.lines.length);
  });

  it('rebuilds the same statement, and bills a late status callback on the next statement, once', async () => {
    const b = env.billing();
    const inv = (await b.store.find(TENANT, PERIOD))!;
    const rebuilt = await b.close.rebuild(inv);
    expect(rebuilt).toEqual({ ...inv.row.statement, total_cents: inv.row.total_cents });

    // A status callback for the period's last evening arrives after the close: 150 s = 3 minutes.
    const lateAt = periodStart.plus({ months: 1 }).minus({ hours: 1 }).toJSDate();
    await env.append(TENANT, 'late-1', 'call.ended', { callSid: 'CAlate1', status: 'completed', durationSeconds: 150 }, lateAt);
    expect(await b.close.rebuild(inv)).toEqual(rebuilt); // the closed invoice does not move
    const live = (await api.inject({ url: `/api/admin/tenants/${TENANT}/usage?period=${PERIOD}`, headers: admin })).json();
    expect(live.billable_minutes).toBe(inv.row.statement.usage.billable_minutes + 3);

    // The next statement (here a final one: the tenant leaves this month) carries it.
    const next = await api.inject({ method: 'POST', url: '/api/admin/billing/close', headers: admin, payload: { period: CURRENT, tenant_id: TENANT, final: true } });
    expect(next.statusCode, next.body).toBe(200);
    const stored = (await b.store.find(TENANT, CURRENT))!;
    expect(stored.row.final).toBe(true);
    expect(stored.row.statement.adjustments).toEqual([expect.objectContaining({ period: PERIOD, usage: expect.objectContaining({ calls: 1, call_seconds: 150, billable_minutes: 3 }) })]);
    const before = inv.row.statement.usage.billable_minutes;
    const extra = Math.max(0, before + 3 - 100) - Math.max(0, before - 100);
    const adj = next.json().invoices[0].lines.filter((l: { kind: string }) => l.kind === 'adjustment_minutes');
    expect(adj).toEqual(extra ? [expect.objectContaining({ quantity: extra, unit_cents: 12 })] : []);
    expect(await b.close.rebuild(stored)).toEqual({ ...stored.row.statement, total_cents: stored.row.total_cents });
  });

  it('makes one invoice when two instances close the same period at once', async () => {
    // A second instance: its own connection pool on PostgreSQL; on PGlite (one connection) a
    // second service over the same handle.
    const second = await env.secondInstanceDb();
    try {
      const one = env.billing();
      const two = env.billing({ db: second });
      const [a, b] = await Promise.all([
        one.close.close({ period: PERIOD, tenant_id: 'demo_barbershop', final: false }),
        two.close.close({ period: PERIOD, tenant_id: 'demo_barbershop', final: false }),
      ]);
      expect(a[0]!.row.id).toBe(b[0]!.row.id);
      const rows = await env.db.selectFrom('invoices').select('id').where('tenant_id', '=', 'demo_barbershop').where('period', '=', PERIOD).execute();
      expect(rows).toHaveLength(1);
      const lines = await env.db.selectFrom('invoice_lines').select('position').where('invoice_id', '=', rows[0]!.id).execute();
      expect(lines).toHaveLength(a[0]!.lines.length);
      const issued = await sql<{ n: number }>`select count(*) as n from events where type = 'billing.invoice_issued' and payload->>'invoice_id' = ${rows[0]!.id}`.execute(env.db);
      expect(issued.rows[0]!.n).toBe(1);
    } finally {
      if (second !== env.db) await second.destroy();
    }
  });

  it('closes a month from its month-end job, and schedules the next one', async () => {
    const period = DateTime.now().setZone(ZONE).plus({ months: 1 }).toFormat('yyyy-MM');
    const due = DateTime.fromFormat(period, 'yyyy-MM', { zone: ZONE }).plus({ months: 1, minutes: 16 });
    // The worker runs the job after month end: a clock there (no event is appended after it).
    const later = env.billing({ clock: () => due.toJSDate() });
    await later.jobHandlers['billing.close']!({ tenant_id: 'demo_barbershop', period });
    const inv = await later.store.find('demo_barbershop', period);
    expect(inv?.row).toMatchObject({ final: false, status: 'issued' });
    const next = due.toFormat('yyyy-MM');
    const { rows } = await sql<{ n: number }>`select count(*) as n from jobs where queue = 'billing.close' and payload->>'tenant_id' = 'demo_barbershop' and payload->>'period' = ${next}`.execute(env.db);
    expect(rows[0]!.n).toBe(1);
  });
});
