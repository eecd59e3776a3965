import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyDb } from '../../analytics/catalog.js';
import type { Runtime } from '../../main.js';
import { RealtimeFake, type FakeRealtimeConnection } from '../../testing/realtime-fake/index.js';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../testing/test-db.js';
import { startTestRuntime } from '../../testing/test-runtime.js';
import { placeCall, SimPhone } from '../../testing/twilio-sim/index.js';
import { sleep } from '../../testing/twilio-sim/waits.js';
import { KeyedHasher } from '../../tenancy/access-hash.js';
import { loadServerSecret } from '../../tenancy/access-secret.js';
import { seedDemoAccessCodes } from '../../demo/access-codes.js';
import { seedDemoTenants } from '../../demo/tenants.js';

const BOOT_TIMEOUT_MS = 120_000;
const CALL_TIMEOUT_MS = 30_000;
const TENANT = 'demo_restaurant';
const ZONE = 'America/New_York';
/** Not a tenant's number: the access-code gate answers. */
const SHARED_LINE = '+15550109999';
const OWNER_CODE = '11112222';
const CLIENT_CODE = '33334444';
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const countOrders = (preset: 'all_time' | 'this_week') => ({
  subject: 'orders',
  metrics: [{ fn: 'count', field: null, as: 'orders' }],
  group_by: [],
  filters: [],
  time_range: { field: 'created_at', preset, from: null, to: null },
  order_by: [],
  limit: null,
});

/** A call to the shared line with a code, up to the model's session.update. */
async function sharedLineCall(runtime: Runtime, fake: RealtimeFake, code: string) {
  const placed = await placeCall({ baseUrl: runtime.url!, to: SHARED_LINE, code });
  if (!placed.stream) throw new Error(`the call was not connected: ${JSON.stringify(placed.steps)}`);
  const index = fake.connections.length;
  const phone = await SimPhone.connect({ url: placed.stream.url, parameters: placed.stream.parameters, callSid: placed.callSid });
  const rt = await fake.connection(index);
  const update = await rt.waitFor('session.update');
  const tools = (update['session'] as { tools?: { name: string; parameters: Record<string, unknown> }[] }).tools ?? [];
  return { callSid: placed.callSid, phone, rt, tools };
}

/** The model calls a tool; resolves with the `function_call_output` the fake receives. */
async function callTool(rt: FakeRealtimeConnection, name: string, args: unknown): Promise<Record<string, unknown>> {
  const item = await rt.callTool(name, args);
  expect(item.type).toBe('function_call_output');
  return JSON.parse(item.output) as Record<string, unknown>;
}

const ADMIN_TOKEN = 'test-admin-token-0123456789';
const ADMIN = { authorization: `Bearer ${ADMIN_TOKEN}` };

describe.each(testDatabaseKinds())('owner analytics call through the Flow A fakes (%s)', (kind) => {
  let runtime: Runtime;
  let fake: RealtimeFake;
  let pg: TestDatabase | undefined;

  beforeAll(async () => {
    fake = await RealtimeFake.start();
    if (kind === 'postgres') pg = await openTestDatabase('postgres');
    // The demo seed of other features is theirs to test: seed only the demo tenants, the demo
    // access codes and our own orders, so this test does not depend on their demo history.
    runtime = await startTestRuntime({
      listen: true,
      env: { OPENAI_API_KEY: 'test', OPENAI_REALTIME_URL: fake.url, VOZ_SEED_DEMO: '0', VOZ_ADMIN_TOKEN: ADMIN_TOKEN },
      ...(pg?.url ? { databaseUrl: pg.url } : {}),
    });
    const { events, db, config } = runtime.core;
    await seedDemoTenants(events);
    await seedDemoAccessCodes(events, new KeyedHasher(await loadServerSecret(db, config.secret)));
    const now = Date.now();
    // Spread over three weeks, so "this week" and "all time" differ; two for the other tenant.
    await (db as unknown as AnyDb)
      .insertInto('orders')
      .values(
        Array.from({ length: 11 }, (_, i) => ({
          id: `owner-call-ord-${i}`, tenant_id: i < 9 ? TENANT : 'demo_barbershop', call_sid: null, customer_name: 'Ana', customer_phone: '+15557770001',
          fulfillment: 'pickup', requested_for: null, status: 'placed', item_count: 1, subtotal_cents: 1000, tax_cents: 89, total_cents: 1089,
          notes: null, source: 'voice', created_at: new Date(now - i * 2.5 * DAY_MS - HOUR_MS), updated_at: new Date(now),
        })),
      )
      .execute();
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await runtime?.close();
    await fake?.close();
    await pg?.close();
  });

  /** Counted here independently of the analytics builder (plain SQL on the projection table). */
  const ordersInDb = async (since: Date | null) =>
    Number(
      (await sql<{ n: number }>`select count(*) as n from orders where tenant_id = ${TENANT} and (${since}::timestamptz is null or created_at >= ${since}::timestamptz)`.execute(runtime.core.db)).rows[0]!.n,
    );
  const auditRow = (auditId: string) => runtime.core.db.selectFrom('analytics_audit').selectAll().where('audit_id', '=', auditId).executeTakeFirstOrThrow();
  const auditList = async () =>
    (await runtime.app.inject({ method: 'GET', url: `/api/tenants/${TENANT}/audit?limit=200`, headers: ADMIN })).json() as {
      items: { audit_id: string; actor_mode: string; source: string; tool: string; outcome: string; row_count: number | null }[];
    };

  it('an owner on the shared line asks counts by voice, gets the numbers, and the audit shows the SQL', async () => {
    const call = await sharedLineCall(runtime, fake, OWNER_CODE);
    const offered = call.tools.find((t) => t.name === 'query_business_metrics');
    expect(offered).toBeDefined();
    expect((offered!.parameters as { properties: { subject: { enum: string[] } } }).properties.subject.enum).toContain('orders');

    // The owner's words, transcribed before the model calls the tool, are the audited question.
    call.rt.callerTranscript('How many orders have we had in total?');
    await sleep(200); // the transcription event crosses one socket; nothing to poll for
    const all = await callTool(call.rt, 'query_business_metrics', countOrders('all_time'));
    const expectedAll = await ordersInDb(null);
    expect(expectedAll).toBe(9);
    expect(all).toMatchObject({ ok: true, columns: ['orders'], rows: [{ orders: expectedAll }], row_count: 1, truncated: false });

    const week = await callTool(call.rt, 'query_business_metrics', countOrders('this_week'));
    // ISO week (Monday) in the tenant's zone, as the owner would read "this week".
    const weekStart = DateTime.now().setZone(ZONE).startOf('week').toJSDate();
    expect(week).toMatchObject({ ok: true, rows: [{ orders: await ordersInDb(weekStart) }] });
    expect(String((week.window as { label: string }).label)).toMatch(/^from /);

    const row = await auditRow(String(all.audit_id));
    expect(row).toMatchObject({
      tenant_id: TENANT,
      actor_mode: 'owner',
      source: 'voice',
      tool: 'query_business_metrics',
      call_sid: call.callSid,
      outcome: 'ok',
      row_count: 1,
      question: 'How many orders have we had in total?',
    });
    expect(row.sql).toContain('from "analytics"."orders" where "tenant_id" = $1');
    expect(row.params).toEqual([TENANT, expect.any(Number)]);
    const one = (await runtime.app.inject({ method: 'GET', url: `/api/tenants/${TENANT}/audit/${String(all.audit_id)}`, headers: ADMIN })).json();
    expect(one).toMatchObject({ sql: row.sql, actor_mode: 'owner', source: 'voice', call_sid: call.callSid });
    expect((await auditList()).items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ audit_id: all.audit_id, actor_mode: 'owner', source: 'voice', outcome: 'ok', row_count: 1 }),
        expect.objectContaining({ audit_id: week.audit_id, actor_mode: 'owner', source: 'voice', outcome: 'ok' }),
      ]),
    );
    call.phone.hangUp();
    await call.phone.closed();
  }, CALL_TIMEOUT_MS);

  it('a client on the shared line is not offered the tool; a call to it anyway is refused with no data and audited', async () => {
    const call = await sharedLineCall(runtime, fake, CLIENT_CODE);
    expect(call.tools.map((t) => t.name)).not.toContain('query_business_metrics');

    const refused = await callTool(call.rt, 'query_business_metrics', countOrders('all_time'));
    expect(refused.ok).toBe(false);
    expect(JSON.stringify(refused)).not.toMatch(/"rows"|"columns"|"sql"/);
    expect(Object.values(refused).filter((v) => typeof v === 'number')).toEqual([]);

    const rows = await runtime.core.db.selectFrom('analytics_audit').selectAll().where('call_sid', '=', call.callSid).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ tenant_id: TENANT, actor_mode: 'client', source: 'voice', tool: 'query_business_metrics', outcome: 'refused', sql: null, row_count: null });
    expect((await auditList()).items).toEqual(
      expect.arrayContaining([expect.objectContaining({ audit_id: rows[0]!.audit_id, actor_mode: 'client', source: 'voice', outcome: 'refused' })]),
    );
    call.phone.hangUp();
    await call.phone.closed();
  }, CALL_TIMEOUT_MS);
});
