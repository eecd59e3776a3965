import type { FastifyInstance } from 'fastify';
import { DateTime } from 'luxon';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../backend/src/testing/test-db.js';
import { ADMIN, BOOT_TIMEOUT_MS, startBillingEnv, type BillingTestEnv } from '../testing/billing-test-env.js';

const ZONE = 'America/New_York';
const TENANT = 'demo_restaurant' as const;
const now = () => DateTime.now().setZone(ZONE);
/** The last whole month of the demo history (60 days up to today). */
const PERIOD = now().minus({ months: 1 }).toFormat('yyyy-MM');
const CURRENT = now().toFormat('yyyy-MM');
const periodStart = DateTime.fromFormat(PERIOD, 'yyyy-MM', { zone: ZONE });

/**
 * Independent of the code under test: SQL over the events table, month bounds by PostgreSQL. A
 * call's events count when the call was received (its `call.received`), other events at their own
 * `occurred_at`.
 */
async function usageBySql(db: Kysely<unknown>, tenantId: string, period: string) {
  const inPeriod = sql`
    with w as (
      select (${period}::text || '-01')::timestamp at time zone ${ZONE}::text as f,
             ((${period}::text || '-01')::timestamp + interval '1 month') at time zone ${ZONE}::text as t)
    select ev.type, ev.payload from events ev cross join w
    where ev.tenant_id = ${tenantId}
      and coalesce(
            (select r.occurred_at from events r where ev.stream_type = 'call' and r.stream_type = 'call' and r.stream_id = ev.stream_id and r.type = 'call.received'),
            ev.occurred_at) >= w.f
      and coalesce(
            (select r.occurred_at from events r where ev.stream_type = 'call' and r.stream_type = 'call' and r.stream_id = ev.stream_id and r.type = 'call.received'),
            ev.occurred_at) < w.t`;
  const { rows } = await sql<Record<string, number>>`
    with e as (${inPeriod}),
    d as (select type, payload, coalesce(case when jsonb_typeof(payload->'durationSeconds') = 'number' then (payload->>'durationSeconds')::numeric end, 0) as s from e)
    select
      count(*) filter (where type = 'call.ended') as calls,
      coalesce(sum(s) filter (where type = 'call.ended'), 0) as call_seconds,
      coalesce(sum(ceil(s / 60)) filter (where type = 'call.ended'), 0) as billable_minutes,
      coalesce(sum(round(extract(epoch from (payload->>'endedAt')::timestamptz - (payload->>'startedAt')::timestamptz))) filter (where type = 'call.recorded' and coalesce(payload->>'endReason', '') not in ('no_api_key', 'start_mismatch')), 0) as ai_seconds,
      count(*) filter (where type = 'message.sent' and payload->>'channel' = 'sms') as sms_sent,
      coalesce(sum((payload->>'segments')::int) filter (where type = 'message.sent' and payload->>'channel' = 'sms'), 0) as sms_segments,
      count(*) filter (where type = 'message.sent' and payload->>'channel' = 'email') as emails_sent,
      count(*) filter (where type = 'transfer.requested') as transfers_requested,
      count(*) filter (where type = 'transfer.completed') as transfers_completed
    from d`.execute(db);
  const tools = await sql<{ name: string; n: number }>`
    with e as (${inPeriod})
    select t->>'name' as name, count(*) as n
    from e, jsonb_array_elements(payload->'toolCalls') t
    where type = 'call.recorded'
    group by 1 order by 1`.execute(db);
  return { ...rows[0]!, tool_runs_by_tool: Object.fromEntries(tools.rows.map((r) => [r.name, r.n])) };
}

/**
 * Usage the demo history lacks (call records, messages, transfers), written on the streams the
 * product writes them to, plus edge cases at the bounds: a call that began in the period's last
 * minute and ended after it counts in the period.
 */
async function addSyntheticUsage(env: BillingTestEnv) {
  const at = (days: number, seconds = 0) => periodStart.plus({ days, seconds }).toJSDate();
  const end = periodStart.plus({ months: 1 });
  const call = (sid: string) => ({ type: 'call', id: sid });
  const received = (sid: string) => ({ callSid: sid, from: '+15550199999', to: '+15550100001', tenantId: TENANT, tenantMode: 'dedicated' });
  const ended = (sid: string, durationSeconds: number | null) => ({ callSid: sid, status: 'completed', durationSeconds });
  const rec = (sid: string, start: Date, ms: number, tools: string[], endReason = 'twilio_stop') => ({
    callSid: sid,
    tenantId: TENANT,
    startedAt: start.toISOString(),
    endedAt: new Date(start.getTime() + ms).toISOString(),
    endReason,
    toolCalls: tools.map((name, i) => ({ name, callId: `c${i}`, ok: true, latencyMs: 5, at: start.toISOString() })),
  });
  const events: [{ type: string; id: string }, string, Record<string, unknown>, Date][] = [
    [call('CAsyn1'), 'call.received', received('CAsyn1'), at(2)],
    [call('CAsyn1'), 'transfer.requested', { callSid: 'CAsyn1' }, at(2, 30)],
    [call('CAsyn1'), 'transfer.completed', { callSid: 'CAsyn1' }, at(2, 40)],
    [call('CAsyn1'), 'call.recorded', rec('CAsyn1', at(2), 61_400, ['place_order', 'search_knowledge_base']), at(2, 62)],
    [call('CAsyn1'), 'call.ended', ended('CAsyn1', 62), at(2, 63)],
    [call('CAsyn2'), 'call.received', received('CAsyn2'), at(3)],
    [call('CAsyn2'), 'call.recorded', rec('CAsyn2', at(3), 30_500, ['place_order']), at(3, 31)], // no status callback yet
    [call('CAsyn7'), 'call.received', received('CAsyn7'), at(3, 600)],
    [call('CAsyn7'), 'call.recorded', rec('CAsyn7', at(3, 600), 4_000, [], 'no_api_key'), at(3, 605)], // no Realtime socket: no AI time
    [call('CAsyn3'), 'call.received', received('CAsyn3'), at(4)],
    [call('CAsyn3'), 'call.ended', ended('CAsyn3', null), at(4, 10)],
    [call('CAsyn4'), 'call.received', received('CAsyn4'), at(0)], // the period's first instant
    [call('CAsyn4'), 'call.ended', ended('CAsyn4', 121), at(0, 125)],
    [call('CAsyn5'), 'call.received', received('CAsyn5'), end.toJSDate()], // next month
    [call('CAsyn5'), 'call.ended', ended('CAsyn5', 999), end.plus({ seconds: 999 }).toJSDate()],
    [call('CAsyn6'), 'call.received', received('CAsyn6'), end.minus({ seconds: 30 }).toJSDate()], // began in the period, ended after it
    [call('CAsyn6'), 'call.ended', ended('CAsyn6', 150), end.plus({ minutes: 2 }).toJSDate()],
    [{ type: 'message', id: 'message:syn-7' }, 'message.sent', { channel: 'sms', segments: 2 }, at(5)],
    [{ type: 'message', id: 'message:syn-8' }, 'message.sent', { channel: 'sms', segments: 1 }, at(6)],
    [{ type: 'message', id: 'message:syn-9' }, 'message.sent', { channel: 'email', segments: 0 }, at(6)],
  ];
  for (const [stream, type, payload, occurred] of events) await env.append(TENANT, stream, type, payload, occurred);
  await env.append('_shared', call('CAsyn11'), 'call.ended', ended('CAsyn11', 300), at(7));
}

const admin = ADMIN;

describe.each(testDatabaseKinds())('billing over the demo history (%s)', (kind) => {
  let env: BillingTestEnv;
  let api: FastifyInstance;
  const ownerOf = (tenant: 'demo_restaurant' | 'demo_barbershop') => env.ownerSession(tenant);

  beforeAll(async () => {
    env = await startBillingEnv(kind);
    await addSyntheticUsage(env);
    api = env.runtime.app;
    const plan = { monthly_fee_cents: 4900, included_minutes: 100, overage_cents_per_minute: 12, sms_cents_per_segment: 3, effective_from: periodStart.toISO()! };
    for (const t of [TENANT, 'demo_barbershop']) {
      const res = await api.inject({ method: 'PUT', url: `/api/admin/tenants/${t}/plan`, headers: admin, payload: plan });
      expect(res.statusCode, res.body).toBe(200);
    }
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await env?.close();
  });

  it('meters the period exactly as an independent SQL computation over the events', async () => {
    const res = await api.inject({ url: `/api/admin/tenants/${TENANT}/usage?period=${PERIOD}`, headers: admin });
    expect(res.statusCode, res.body).toBe(200);
    const usage = res.json();
    const expected = await usageBySql(env.db as Kysely<unknown>, TENANT, PERIOD);
    expect(usage).toMatchObject({ period: PERIOD, time_zone: ZONE, ...expected });
    // The synthetic calls' three, plus the demo's transfer (two days back) while that falls in the period.
    expect(usage.tool_runs).toBeGreaterThanOrEqual(3);
    expect(usage.tool_runs).toBeLessThanOrEqual(4);
    expect(usage.calls).toBeGreaterThan(40); // the demo history, not only the synthetic calls
    // The owner sees the same numbers under the tenant scope; another tenant's owner sees nothing.
    const own = await api.inject({ url: `/api/tenants/${TENANT}/usage?period=${PERIOD}`, headers: await ownerOf(TENANT) });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toEqual(usage);
    const foreign = await api.inject({ url: `/api/tenants/${TENANT}/usage?period=${PERIOD}`, headers: await ownerOf('demo_barbershop') });
    expect([403, 404]).toContain(foreign.statusCode);
    expect(foreign.body).not.toContain('billable_minutes');
    expect((await api.inject({ url: `/api/tenants/${TENANT}/usage?period=${PERIOD}` })).statusCode).toBe(401);
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
    // Billing starts with a plan: the month before it is refused for one tenant, skipped for all.
    const before = periodStart.minus({ months: 1 }).toFormat('yyyy-MM');
    const noPlan = await api.inject({ method: 'POST', url: '/api/admin/billing/close', headers: admin, payload: { period: before, tenant_id: TENANT } });
    expect(noPlan.statusCode).toBe(409);
    expect(noPlan.json()).toMatchObject({ error: 'no_plan', message: expect.stringContaining('/plan') });
    const all = await api.inject({ method: 'POST', url: '/api/admin/billing/close', headers: admin, payload: { period: before } });
    expect(all.json()).toEqual({ invoices: [] });
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
    expect((await api.inject({ url: `/api/tenants/${TENANT}/invoices`, headers: await ownerOf(TENANT) })).json().items).toEqual([inv]);
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
    const own = await api.inject({ url: `/api/tenants/${TENANT}/invoices.csv`, headers: await ownerOf(TENANT) });
    expect(own.statusCode).toBe(200);
    expect(own.body.split('\r\n').filter((l) => l.startsWith(inv.id))).toHaveLength(inv.lines.length);
  });

  it('rebuilds the same statement, and bills a late status callback on the next statement, once', async () => {
    const b = env.billing();
    const inv = (await b.store.find(TENANT, PERIOD))!;
    const rebuilt = await b.close.rebuild(inv);
    expect(rebuilt).toEqual({ ...inv.row.statement, total_cents: inv.row.total_cents });

    // A call received on the period's last evening; its status callback (150 s = 3 minutes)
    // reaches the real webhook only now, after the close.
    const LATE_SID = `CA${'1a7e'.repeat(8)}`; // Twilio's shape: the webhook refuses others
    const receivedAt = periodStart.plus({ months: 1 }).minus({ hours: 1 }).toJSDate();
    await env.append(TENANT, { type: 'call', id: LATE_SID }, 'call.received', { callSid: LATE_SID, from: '+15550199998', to: '+15550100001', tenantId: TENANT, tenantMode: 'dedicated' }, receivedAt);
    const status = await api.inject({ method: 'POST', url: '/twilio/status', payload: new URLSearchParams({ CallSid: LATE_SID, CallStatus: 'completed', CallDuration: '150' }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(status.statusCode).toBe(204);
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

  it('gives the worker its jobs; the daily sweep schedules each billed tenant\'s month end and tomorrow\'s sweep, once', async () => {
    const handlers = env.runtime.core.jobHandlers();
    expect(Object.keys(handlers)).toEqual(expect.arrayContaining(['billing.close', 'billing.stripe_sync', 'billing.schedule_sweep']));
    await handlers['billing.schedule_sweep']!({}, { id: 0, attempt: 1 });
    await handlers['billing.schedule_sweep']!({}, { id: 0, attempt: 1 }); // another instance, or a retry: nothing new
    const tomorrow = DateTime.utc().startOf('day').plus({ days: 1 });
    const { rows: sweeps } = await sql<{ run_at: Date }>`select run_at from jobs where queue = 'billing.schedule_sweep'`.execute(env.db);
    expect(sweeps.map((r) => r.run_at.toISOString())).toEqual([tomorrow.plus({ minutes: 5 }).toISO()]);
    const { rows } = await sql<{ tenant: string; n: number }>`
      select payload->>'tenant_id' as tenant, count(*) as n from jobs
      where queue = 'billing.close' and payload->>'period' = ${CURRENT} group by 1 order by 1`.execute(env.db);
    expect(rows).toEqual([{ tenant: 'demo_barbershop', n: 1 }, { tenant: TENANT, n: 1 }]);
  });
});
