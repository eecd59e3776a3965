import type { AnyDb } from '../../analytics/catalog.js';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_RAN } from '../../analytics/audit.js';
import { TOOL_REFUSED } from '../../calls/call-events.js';
import { ANALYTICS_ROLE } from '../../analytics/executor.js';
import { SKILL_SAVED, skillStream } from '../../analytics/skills/skill-events.js';
import { NOTIFICATION_QUEUED } from '../notification-events.js';
import { SKILL_RUN_QUEUE } from '../../analytics/skills/skill-schedule.js';
import type { Runtime } from '../../main.js';
import { startOpenAiTextFake, type FakeReply, type OpenAiTextFake } from '../../testing/openai-text-fake.js';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../testing/test-db.js';
import { startTestRuntime } from '../../testing/test-runtime.js';
import { seedDemoTenants } from '../../demo/tenants.js';
import { TenantRepository } from '../../tenancy/tenant-repository.js';
import type { ToolCallContext } from '../types.js';
import { feature } from './index.js';

const ADMIN_TOKEN = 'test-admin-token-0123456789';
const ADMIN = { authorization: `Bearer ${ADMIN_TOKEN}` };
const TENANT = 'demo_restaurant';
const COUNT_ORDERS = {
  subject: 'orders',
  metrics: [{ fn: 'count', field: null, as: 'orders' }],
  group_by: [],
  filters: [],
  time_range: { field: 'created_at', preset: 'all_time', from: null, to: null },
  order_by: [],
  limit: null,
};

describe.each(testDatabaseKinds())('business_analytics feature on %s', (kind) => {
  let runtime: Runtime;
  let fake: OpenAiTextFake;
  let pg: TestDatabase | undefined;
  let reply: FakeReply = { toolCall: { name: 'query_business_metrics', arguments: COUNT_ORDERS } };

  beforeAll(async () => {
    fake = await startOpenAiTextFake(() => reply);
    if (kind === 'postgres') pg = await openTestDatabase('postgres');
    runtime = await startTestRuntime({
      // Other features' demo history is theirs to test; here: the demo tenants and our own rows.
      env: { OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: fake.baseUrl, VOZ_SEED_DEMO: '0', VOZ_ADMIN_TOKEN: ADMIN_TOKEN },
      ...(pg?.url ? { databaseUrl: pg.url } : {}),
    });
    await seedDemoTenants(runtime.core.events);
    const at = new Date();
    await (runtime.core.db as unknown as AnyDb)
      .insertInto('orders')
      .values(
        Array.from({ length: 7 }, (_, i) => ({
          id: `ord-${i}`, tenant_id: i < 5 ? TENANT : 'demo_barbershop', call_sid: null, customer_name: 'Ana', customer_phone: '+15550109999',
          fulfillment: 'pickup', requested_for: null, status: 'placed', item_count: 1, subtotal_cents: 1000, tax_cents: 80, total_cents: 1080,
          notes: null, source: 'voice', created_at: new Date(at.getTime() - i * 3_600_000), updated_at: at,
        })),
      )
      .execute();
  });
  afterAll(async () => {
    await runtime?.close();
    await fake?.close();
    // The runtime owned its own pool; the test database handle only drops it.
    await pg?.close();
  });

  // The tenant API as the platform admin acting for the tenant (`tenant` overrides which one).
  const inject = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown, tenant = TENANT) =>
    runtime.app.inject({ method, url: `/api/tenants/${tenant}${url}`, headers: ADMIN, ...(payload ? { payload: payload as object } : {}) });
  const ordersInDb = async () =>
    Number((await sql<{ n: number }>`select count(*) as n from orders where tenant_id = ${TENANT}`.execute(runtime.core.db)).rows[0]!.n);

  it('answers a portal question through the text model, with spec, SQL and an audit row', async () => {
    const expected = await ordersInDb();
    expect(expected).toBe(5);
    const res = await inject('POST', '/ask', { question: 'How many orders have we had?' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ ok: true, rows: [{ orders: expected }], spec: COUNT_ORDERS, question: 'How many orders have we had?' });
    expect(body.sql).toContain('"tenant_id" = $1');
    expect(body.params[0]).toBe(TENANT);
    expect(body.answer).toContain(`orders ${expected}`);

    const sent = fake.requests.at(-1)!;
    expect(sent.authorization).toBe('Bearer test-key');
    const tool = (sent.body.tools as Array<{ function: { name: string; strict: boolean; parameters: { properties: { subject: { enum: string[] } } } } }>)[0]!;
    expect(tool.function.name).toBe('query_business_metrics');
    expect(tool.function.strict).toBe(true);
    expect(tool.function.parameters.properties.subject.enum).toEqual(expect.arrayContaining(['orders', 'order_items', 'calls']));

    const list = (await inject('GET', `/audit`)).json();
    expect(list.items[0]).toMatchObject({ audit_id: body.audit_id, outcome: 'ok', source: 'portal', question: 'How many orders have we had?' });
    const one = (await inject('GET', `/audit/${body.audit_id}`)).json();
    expect(one.sql).toBe(body.sql);
    expect((await inject('GET', `/audit/${body.audit_id}`, undefined, 'demo_barbershop')).statusCode).toBe(404);
  });

  it('reports a model failure as 502 and still audits the question', async () => {
    reply = { status: 500, error: 'boom' };
    const res = await inject('POST', '/ask', { question: 'revenue?' });
    reply = { toolCall: { name: 'query_business_metrics', arguments: COUNT_ORDERS } };
    expect(res.statusCode).toBe(502);
    expect(res.json()).toMatchObject({ ok: false, spec: null });
    const row = await runtime.core.db.selectFrom('analytics_audit').selectAll().where('audit_id', '=', res.json().audit_id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ question: 'revenue?', outcome: 'invalid' });
  });

  it('runs a spec directly; an invalid one is refused in words and audited', async () => {
    const good = (await inject('POST', '/query', { spec: COUNT_ORDERS })).json();
    expect(good.ok).toBe(true);
    const bad = (await inject('POST', '/query', { spec: { ...COUNT_ORDERS, subject: 'events' } })).json();
    expect(bad).toMatchObject({ ok: false, reason: 'invalid' });
    expect(bad.error).toMatch(/unknown subject "events"/);
    expect(bad.fallback).toMatch(/not sure/);
    expect((await runtime.app.inject({ method: 'POST', url: `/api/tenants/${TENANT}/query`, payload: { spec: COUNT_ORDERS } })).statusCode).toBe(401);
  });

  it('the voice tool answers an owner, refuses a client, and audits both', async () => {
    const owned = runtime.registry.tool('query_business_metrics')!;
    const tenant = (await new TenantRepository(runtime.core.db).get(TENANT))!;
    const params = (await owned.tool.parameters(tenant, runtime.core.portsOf(feature))) as { additionalProperties: boolean; required: string[] };
    expect(params.additionalProperties).toBe(false);
    expect(params.required).toEqual(['subject', 'metrics', 'group_by', 'filters', 'time_range', 'order_by', 'limit']);
    const ctx = (actorMode: 'owner' | 'client'): ToolCallContext => ({
      tenant,
      actorMode,
      source: 'voice',
      callSid: 'CAtest1',
      signal: new AbortController().signal,
      ports: runtime.core.portsOf(feature),
      log: runtime.log,
    });
    const r = (await owned.tool.handler(COUNT_ORDERS, ctx('owner'))) as { ok: boolean; rows: Array<{ orders: number }>; audit_id: string };
    expect(r.ok).toBe(true);
    expect(r.rows[0]!.orders).toBe(await ordersInDb());
    const refused = (await owned.tool.handler(COUNT_ORDERS, ctx('client'))) as { ok: boolean; audit_id: string };
    expect(refused.ok).toBe(false);
    const rows = await runtime.core.db.selectFrom('analytics_audit').select(['audit_id', 'outcome', 'call_sid', 'source']).where('audit_id', 'in', [r.audit_id, refused.audit_id]).execute();
    expect(rows).toEqual(expect.arrayContaining([
      { audit_id: r.audit_id, outcome: 'ok', call_sid: 'CAtest1', source: 'voice' },
      { audit_id: refused.audit_id, outcome: 'refused', call_sid: 'CAtest1', source: 'voice' },
    ]));
  });

  it("records the tool router's client-mode refusal of our tool in the audit list", async () => {
    const res = await runtime.core.events.append({
      tenantId: TENANT,
      stream: { type: 'call', id: 'CArefused1' },
      events: [{ type: TOOL_REFUSED, payload: { tool: 'query_business_metrics', callSid: 'CArefused1', actorMode: 'client', args: COUNT_ORDERS }, metadata: { actor_mode: 'client' } }],
    });
    const row = await runtime.core.db.selectFrom('analytics_audit').selectAll().where('audit_id', '=', res.events[0]!.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ outcome: 'refused', actor_mode: 'client', call_sid: 'CArefused1', tool: 'query_business_metrics', sql: null });
  });

  it('through the tool router: an owner gets the count, a client is refused and the refusal is audited', async () => {
    const router = runtime.core.router;
    const tenant = (await new TenantRepository(runtime.core.db).get(TENANT))!;
    const inv = (actorMode: 'owner' | 'client', callSid: string) => ({ tenant, actorMode, source: 'voice' as const, callSid, signal: new AbortController().signal, log: runtime.log });
    const owner = (await router.invoke('query_business_metrics', COUNT_ORDERS, inv('owner', 'CArouter1'))) as { ok: boolean; rows: Array<{ orders: number }>; audit_id: string };
    expect(owner.rows[0]!.orders).toBe(5);
    const audited = await runtime.core.db.selectFrom('analytics_audit').selectAll().where('audit_id', '=', owner.audit_id).executeTakeFirstOrThrow();
    expect(audited.sql).toContain('from "analytics"."orders" where "tenant_id" = $1');
    const refused = (await router.invoke('query_business_metrics', COUNT_ORDERS, inv('client', 'CArouter2'))) as { ok: boolean };
    expect(refused.ok).toBe(false);
    const rows = await runtime.core.db.selectFrom('analytics_audit').selectAll().where('call_sid', '=', 'CArouter2').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: 'refused', actor_mode: 'client', tool: 'query_business_metrics', sql: null });
  });

  it('serves the catalog read at start; a view created afterwards is a subject once the catalog is refreshed', async () => {
    const probe = { ...COUNT_ORDERS, subject: 'zz_probe', metrics: [{ fn: 'count', field: null, as: 'n' }], time_range: null };
    const db = runtime.core.db as unknown as AnyDb;
    await sql`create view ${sql.id('analytics', 'zz_probe')} as select ${sql.lit(TENANT)}::text as tenant_id, 1::integer as n`.execute(db);
    await sql`grant select on ${sql.id('analytics', 'zz_probe')} to ${sql.id(ANALYTICS_ROLE)}`.execute(db);
    try {
      expect((await inject('POST', '/query', { spec: probe })).json()).toMatchObject({ ok: false, reason: 'invalid' });
      await runtime.core.analytics.catalog.refresh();
      expect((await inject('POST', '/query', { spec: probe })).json()).toMatchObject({ ok: true, rows: [{ n: 1 }] });
    } finally {
      await sql`drop view ${sql.id('analytics', 'zz_probe')}`.execute(db);
      await runtime.core.analytics.catalog.refresh();
    }
    expect((await inject('POST', '/query', { spec: probe })).json()).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('saves, schedules, runs and deletes a skill; a skill that no longer validates is flagged, not run', async () => {
    const spec = { ...COUNT_ORDERS, time_range: { field: 'created_at', preset: 'last_7_days', from: null, to: null } };
    const created = await inject('POST', '/skills', { name: 'Weekly orders', spec, schedule: '0 8 * * 1', channel: 'sms' });
    expect(created.statusCode).toBe(201);
    const skill = created.json();
    expect(skill).toMatchObject({ name: 'Weekly orders', schedule: '0 8 * * 1', channel: 'sms', runs: 0 });
    const job = await runtime.core.db.selectFrom('jobs').selectAll().where('queue', '=', SKILL_RUN_QUEUE).where('dedupe_key', 'like', `skill:${skill.id}:%`).executeTakeFirstOrThrow();
    const slot = new Date((job.payload as { slot: string }).slot);
    expect(slot.getTime()).toBeGreaterThan(Date.now());
    expect(job.dedupe_key).toBe(`skill:${skill.id}:${slot.toISOString()}`);

    const bad = await inject('POST', '/skills', { name: 'x', spec: { ...spec, subject: 'pg_authid' }, schedule: '* * * * *' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/unknown subject.*at most once an hour|at most once an hour.*unknown subject/s);

    const ran = (await inject('POST', `/skills/${skill.id}/run`, {})).json();
    expect(ran).toMatchObject({ ok: true, skill: 'Weekly orders' });
    expect(ran.window.label).toMatch(/^from /);

    // The scheduled path: the job handler runs it, delivers a notification, enqueues the next slot.
    const handlers = runtime.registry.get('business_analytics')!.jobs!(runtime.core.portsOf(feature));
    await handlers[SKILL_RUN_QUEUE]!({ ...(job.payload as object) }, { id: Number(job.id), attempt: 1 });
    const notes = await runtime.core.events.readStream(skillStream(skill.id));
    const delivered = notes.filter((e) => e.type === NOTIFICATION_QUEUED);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.payload).toMatchObject({ kind: 'skill_result', channel: 'sms', subject: 'Weekly orders', ref: { status: 'ok' } });
    const next = await runtime.core.db.selectFrom('jobs').select('dedupe_key').where('dedupe_key', 'like', `skill:${skill.id}:%`).orderBy('id').execute();
    expect(next).toHaveLength(2);
    const listed = (await inject('GET', `/skills`)).json();
    expect(listed.items.find((s: { id: string }) => s.id === skill.id)).toMatchObject({ runs: 2, last_outcome: 'ok' });

    // A skill recorded earlier whose field no longer exists: flagged by a notification, not run.
    await runtime.core.events.append({
      tenantId: TENANT,
      stream: skillStream('stale-skill'),
      events: [{ type: SKILL_SAVED, payload: { skillId: 'stale-skill', tenantId: TENANT, name: 'Old report', spec: { ...spec, metrics: [{ fn: 'sum', field: 'gone_cents', as: 'x' }] }, schedule: null, channel: 'portal' } }],
    });
    const stale = (await inject('POST', '/skills/stale-skill/run', {})).json();
    expect(stale).toMatchObject({ ok: false, reason: 'invalid' });
    const flagged = (await runtime.core.events.readStream(skillStream('stale-skill'))).filter((e) => e.type === NOTIFICATION_QUEUED);
    expect(flagged[0]!.payload).toMatchObject({ kind: 'skill_result', ref: { status: 'needs_attention' } });
    const audit = await runtime.core.db.selectFrom('analytics_audit').selectAll().where('audit_id', '=', stale.audit_id).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ outcome: 'invalid', skill_id: 'stale-skill', sql: null });

    expect((await inject('DELETE', `/skills/${skill.id}`)).statusCode).toBe(204);
    // A job for a deleted skill does nothing.
    const before = (await runtime.core.events.readAll({ tenantId: TENANT, types: [QUERY_RAN], limit: 10_000 })).length;
    await handlers[SKILL_RUN_QUEUE]!({ ...(job.payload as object) }, { id: Number(job.id), attempt: 1 });
    expect((await runtime.core.events.readAll({ tenantId: TENANT, types: [QUERY_RAN], limit: 10_000 })).length).toBe(before);
  });
});
