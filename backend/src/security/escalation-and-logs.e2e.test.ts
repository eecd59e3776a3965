import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RealtimeFake, type FakeRealtimeConnection } from '../testing/realtime-fake/index.js';
import { BOOT_TIMEOUT_MS, startPhoneRuntime, type PhoneTestRuntime } from '../testing/phone-runtime.js';
import { testDatabaseKinds } from '../testing/test-db.js';
import { placeCall, SimPhone } from '../testing/twilio-sim/index.js';

/** Distinctive values: any of them in a log line is a leak. */
const SECRETS = {
  TWILIO_AUTH_TOKEN: 'twilio-auth-Zq8secretTOKEN',
  VOZ_ADMIN_TOKEN: 'admin-bearer-Kp3secretTOKEN',
  OPENAI_API_KEY: 'sk-openai-Wm5secretKEY',
  VOZ_SECRET: 'server-secret-Hx7-at-least-16-chars',
};
const OWNER = { email: 'owner@demo-restaurant.test', password: 'demo-restaurant-pass' };
const RESTAURANT_OWNER_CODE = '11112222';
const RESTAURANT_LINE = '+15550100001';
const SHARED_LINE = '+15550109999';
const WRONG_CODES = ['98761234', '24681357'];

type Json = Record<string, unknown>;

/**
 * One full scenario with hostile moves (a client calling owner tools, the model naming another
 * tenant, `tenant_id` smuggled into tool arguments), then a scan of every captured log line for
 * secrets, passwords, session ids, access codes and stream tokens.
 */
describe.each(testDatabaseKinds())('security: escalation from a call, and what the logs hold (%s)', (kind) => {
  let t: PhoneTestRuntime;
  let fake: RealtimeFake;
  /** Everything secret the scenario handled, scanned for at the end. */
  const seen: { what: string; value: string }[] = Object.entries(SECRETS).map(([what, value]) => ({ what, value }));

  beforeAll(async () => {
    fake = await RealtimeFake.start();
    t = await startPhoneRuntime(kind, { ...SECRETS, OPENAI_REALTIME_URL: fake.url }, { listen: true });
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  const call = async (to: string, code?: string) => {
    const placed = await placeCall({ baseUrl: t.baseUrl, to, authToken: SECRETS.TWILIO_AUTH_TOKEN, ...(code ? { code } : {}) });
    if (!placed.stream) throw new Error(`not connected: ${JSON.stringify(placed.steps)}`);
    seen.push({ what: 'stream token', value: decodeURIComponent(placed.stream.url.split('/twilio/media/')[1]!) });
    const index = fake.connections.length;
    const phone = await SimPhone.connect({ url: placed.stream.url, parameters: placed.stream.parameters, callSid: placed.callSid });
    const rt = await fake.connection(index);
    const update = await rt.waitFor('session.update');
    const tools = ((update['session'] as { tools?: { name: string; parameters: Json }[] }).tools ?? []);
    return { callSid: placed.callSid, phone, rt, tools };
  };
  const tool = async (rt: FakeRealtimeConnection, name: string, args: unknown): Promise<Json> => JSON.parse((await rt.callTool(name, args)).output) as Json;
  const ordersSpec = (extra: Json = {}) => ({
    subject: 'orders',
    metrics: [{ fn: 'count', field: null, as: 'orders' }],
    group_by: [],
    filters: [],
    time_range: null,
    order_by: [],
    limit: null,
    ...extra,
  });
  const count = async (table: string, tenant: string) =>
    Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} where tenant_id = ${tenant}`.execute(t.runtime.core.db)).rows[0]!.n);

  it('a client cannot reach owner tools or another tenant, whatever the model sends', async () => {
    const c = await call(RESTAURANT_LINE);
    const offered = c.tools.map((x) => x.name);
    expect(offered, 'a client session is never offered the owner analytics tool').not.toContain('query_business_metrics');
    const refused = await tool(c.rt, 'query_business_metrics', ordersSpec());
    expect(refused.ok, 'an owner tool called by a client must be refused').toBe(false);
    expect(JSON.stringify(refused), 'a refusal carries no data').not.toMatch(/"rows"|"columns"|"sql"/);

    const item = (c.tools.find((x) => x.name === 'place_order')!.parameters as { properties: { items: { items: { properties: { name: { enum: string[] } } } } } }).properties.items.items.properties.name.enum[0]!;
    const barberOrders = await count('orders', 'demo_barbershop');
    const smuggled = await tool(c.rt, 'place_order', { tenant_id: 'demo_barbershop', items: [{ name: item, quantity: 1 }], fulfillment: 'pickup', customer_name: 'Mallory', quote_only: false });
    expect(await count('orders', 'demo_barbershop'), 'tenant_id in tool arguments must never write to another tenant').toBe(barberOrders);
    if (smuggled.ok === true) {
      const row = await t.runtime.core.db.selectFrom('orders').select('tenant_id').where('call_sid', '=', c.callSid).executeTakeFirstOrThrow();
      expect(row.tenant_id, 'an order is placed for the tenant of the call only').toBe('demo_restaurant');
    }
    const kb = await tool(c.rt, 'search_knowledge_base', { query: 'haircut prices', tenant_id: 'demo_barbershop' });
    expect(JSON.stringify(kb), 'the knowledge base never answers from another tenant').not.toMatch(/barber|fade|beard/i);
    c.phone.hangUp();
    await c.phone.closed();
  }, 60_000);

  it('an owner is held to their own tenant: tenant_id as an argument or a field is refused', async () => {
    const c = await call(SHARED_LINE, RESTAURANT_OWNER_CODE);
    expect(c.tools.map((x) => x.name)).toContain('query_business_metrics');
    const own = await tool(c.rt, 'query_business_metrics', ordersSpec());
    expect(own, 'the owner reads their own orders').toMatchObject({ ok: true, rows: [{ orders: await count('orders', 'demo_restaurant') }] });
    const hostile: [string, Json][] = [
      ['tenant_id as an argument', { ...ordersSpec(), tenant_id: 'demo_barbershop' }],
      ['a filter on tenant_id', ordersSpec({ filters: [{ field: 'tenant_id', op: 'eq', value: 'demo_barbershop' }] })],
      ['grouping by tenant_id', ordersSpec({ group_by: [{ field: 'tenant_id', grain: null }] })],
      ['a schema-qualified subject', ordersSpec({ subject: 'public.orders' })],
      ['SQL in a field name', ordersSpec({ metrics: [{ fn: 'sum', field: 'total_cents) from orders --', as: 'x' }] })],
      ['SQL in an alias', ordersSpec({ metrics: [{ fn: 'count', field: null, as: 'x"; drop table orders; --' }] })],
    ];
    for (const [what, spec] of hostile) {
      const res = await tool(c.rt, 'query_business_metrics', spec);
      expect(res.ok, `${what} must be refused (a QuerySpec is held to the caller's tenant)`).toBe(false);
      expect(JSON.stringify(res), `${what}: a refusal carries no data`).not.toMatch(/"rows":\[\{/);
    }
    expect(await count('orders', 'demo_restaurant'), 'hostile specs change nothing').toBeGreaterThan(0);
    c.phone.hangUp();
    await c.phone.closed();
  }, 60_000);

  it('no secret, password, session id, access code or stream token appears in any log line of the scenario', async () => {
    // Portal: a failed sign-in, a sign-in, a look at itself, sign-out.
    await t.runtime.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: OWNER.email, password: 'wrong-Pw9secret' } });
    seen.push({ what: 'a mistyped password', value: 'wrong-Pw9secret' }, { what: 'the owner password', value: OWNER.password });
    const login = await t.runtime.app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: t.baseUrl }, payload: OWNER });
    expect(login.statusCode).toBe(200);
    const cookie = String(login.headers['set-cookie'] ?? '').split(';')[0]!;
    const sessionId = cookie.split('=')[1]!;
    expect(sessionId.length).toBeGreaterThan(10);
    seen.push({ what: 'the session id', value: sessionId });
    expect((await t.runtime.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    await t.runtime.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, origin: t.baseUrl } });

    // Operator: a new owner code, through the admin API.
    const issued = await t.runtime.app.inject({
      method: 'POST',
      url: '/api/admin/tenants/demo_restaurant/access-codes',
      headers: { authorization: `Bearer ${SECRETS.VOZ_ADMIN_TOKEN}` },
      payload: { actor_mode: 'owner' },
    });
    expect(issued.statusCode).toBe(201);
    const code = String((issued.json() as Json).code);
    seen.push({ what: 'an issued access code', value: code });

    // Phone: wrong codes, then the issued code, a call with a tool.
    await placeCall({ baseUrl: t.baseUrl, to: SHARED_LINE, authToken: SECRETS.TWILIO_AUTH_TOKEN, code: WRONG_CODES[0]!, maxGathers: 1 });
    await placeCall({ baseUrl: t.baseUrl, to: SHARED_LINE, authToken: SECRETS.TWILIO_AUTH_TOKEN, code: WRONG_CODES[1]!, maxGathers: 1 });
    for (const wrong of WRONG_CODES) seen.push({ what: 'a mistyped access code', value: wrong });
    seen.push({ what: 'a demo access code', value: RESTAURANT_OWNER_CODE });
    const c = await call(SHARED_LINE, code);
    await tool(c.rt, 'query_business_metrics', ordersSpec());
    c.phone.hangUp();
    await c.phone.closed();
    await new Promise((r) => setTimeout(r, 300));

    expect(t.logs.length, 'the scenario produced logs to scan').toBeGreaterThan(20);
    for (const { what, value } of seen) {
      const leaks = t.logs.filter((l) => l.includes(value));
      expect(leaks.slice(0, 2), `${what} must never be logged`).toEqual([]);
    }
  }, 120_000);
});
