import type { AnyDb } from './catalog.js';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventStore } from '../storage/event-store.js';
import { testDatabaseKinds, type TestDatabase } from '../testing/test-db.js';
import { analyticsAuditProjection } from './audit.js';
import { loadCatalog } from './catalog.js';
import { runQuery, type RunDeps } from './run-query.js';
import { insertFixtures, openAnalyticsTestDatabase } from '../testing/analytics/analytics-test-db.js';
import { buildFixtures, FIXTURE_NOW, FIXTURE_ZONE, OTHER_TENANT, TENANT } from '../testing/analytics/fixtures.js';

const base = { metrics: [{ fn: 'count', field: null, as: 'n' }], group_by: [], filters: [], time_range: null, order_by: [], limit: 10 };
const filter = (field: string, op: string, value: unknown) => ({ ...base, subject: 'orders', filters: [{ field, op, value }] });

/** Each must be refused (ok:false) or harmless (only the caller's own rows). */
const HOSTILE: Array<[string, unknown]> = [
  ['tenant_id as a metric field', { ...base, subject: 'orders', metrics: [{ fn: 'count_distinct', field: 'tenant_id', as: 'n' }] }],
  ['tenant_id as a filter', filter('tenant_id', 'eq', OTHER_TENANT)],
  ['tenant_id as a group', { ...base, subject: 'orders', group_by: [{ field: 'tenant_id', grain: null }] }],
  ['pg_catalog.pg_authid subject', { ...base, subject: 'pg_catalog.pg_authid' }],
  ['public.events subject', { ...base, subject: 'public.events' }],
  ['events subject', { ...base, subject: 'events' }],
  ['quoted subject', { ...base, subject: '"orders"' }],
  ['base table phone column', { ...base, subject: 'orders', group_by: [{ field: 'customer_phone', grain: null }] }],
  ['calls from_number', { ...base, subject: 'calls', group_by: [{ field: 'from_number', grain: null }] }],
  ['SQL in a field name', { ...base, subject: 'orders', metrics: [{ fn: 'sum', field: 'total_cents) from pg_authid --', as: 'n' }] }],
  ['semicolon in a field name', filter('status; drop table orders', 'eq', 'x')],
  ['quoted identifier escape', filter('status" = status or "1', 'eq', 'x')],
  ['SQL in an alias', { ...base, subject: 'orders', metrics: [{ fn: 'count', field: null, as: 'n"; drop table orders; --' }] }],
  ['SQL in order_by', { ...base, subject: 'orders', group_by: [{ field: 'status', grain: null }], order_by: [{ key: '1; drop table orders', dir: 'asc' }] }],
  ['quotes and semicolons in a value', filter('status', 'eq', "x'; drop table orders; --")],
  ['or-true in a value', filter('customer_name', 'eq', "' or '1'='1")],
  ['LIKE wildcards alone', filter('status', 'contains', '%')],
  ['backslash in contains', filter('status', 'contains', '\\')],
  ['huge in list', filter('status', 'in', Array.from({ length: 10_000 }, (_, i) => `s${i}`))],
  ['absurd limit', { ...base, subject: 'orders', limit: 1_000_000_000 }],
  ['zero limit', { ...base, subject: 'orders', limit: 0 }],
  ['negative limit', { ...base, subject: 'orders', limit: -1 }],
  ['another tenant order id', filter('id', 'eq', 'riva-o0001')],
  ['another tenant ids in a list', filter('id', 'in', ['riva-o0001', 'riva-o0002', 'riva-o0003'])],
  ['SQL in a date', { ...base, subject: 'orders', time_range: { field: 'created_at', preset: null, from: "2026-01-01'; drop table orders; --", to: null } }],
  ['extra raw sql key', { ...base, subject: 'orders', sql: 'select * from pg_authid' }],
  ['grain on text (function smuggling)', { ...base, subject: 'orders', group_by: [{ field: 'status', grain: 'pg_sleep(10)' }] }],
  ['sum of text', { ...base, subject: 'orders', metrics: [{ fn: 'sum', field: 'status', as: 'n' }] }],
  ['hourly over all time', { ...base, subject: 'orders', group_by: [{ field: 'created_at', grain: 'hour' }] }],
  ['fractional cents', filter('total_cents', 'gt', 5.5)],
  ['wrong value type', filter('total_cents', 'gt', '0 or 1=1')],
  ['not an object', 'select * from orders'],
  ['null spec', null],
];

const TABLES = ['orders', 'order_items', 'appointments', 'calls', 'notifications', 'contacts', 'tenants', 'jobs'];

async function checksum(db: AnyDb): Promise<string> {
  const parts: string[] = [];
  for (const t of TABLES) {
    const { rows } = await sql<{ h: string | null }>`select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${sql.id(t)} x`.execute(db);
    parts.push(`${t}:${rows[0]!.h}`);
  }
  const { rows } = await sql<{ n: number }>`select count(*) as n from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname in ('public', 'analytics')`.execute(db);
  parts.push(`relations:${rows[0]!.n}`);
  return parts.join(',');
}

describe.each(testDatabaseKinds())('hostile corpus on %s', (kind) => {
  let handle: TestDatabase;
  let deps: RunDeps;
  let before: string;
  const fx = buildFixtures();
  const otherIds = new Set(fx.orders.filter((o) => o.tenant_id === OTHER_TENANT).map((o) => o.id));

  beforeAll(async () => {
    handle = await openAnalyticsTestDatabase(kind);
    await insertFixtures(handle.db, fx);
    deps = { db: handle.db, kind, events: new EventStore(handle.db, [analyticsAuditProjection]), catalog: await loadCatalog(handle.db), now: FIXTURE_NOW };
    before = await checksum(handle.db);
  });
  afterAll(async () => handle?.close());

  it.each(HOSTILE)('%s: refused or harmless, nothing leaked', async (_name, spec) => {
    const r = await runQuery(deps, { tenantId: TENANT, timeZone: FIXTURE_ZONE, actorMode: 'owner', source: 'voice', spec });
    const text = JSON.stringify(r);
    expect(text).not.toContain(OTHER_TENANT);
    expect(text).not.toMatch(/\+1555/);
    expect(text).not.toMatch(/rolpassword|rolsuper|scram-sha/i);
    for (const id of otherIds) expect(text).not.toContain(id);
    if (r.ok) {
      // Harmless: a count of the caller's own rows only.
      const own = fx.orders.filter((o) => o.tenant_id === TENANT).length;
      for (const row of r.rows) expect(Number(row.n)).toBeLessThanOrEqual(own);
    } else {
      expect(r.fallback).toMatch(/not sure/);
      expect(r.error.length).toBeGreaterThan(5);
    }
    const audit = await handle.db.selectFrom('analytics_audit').select(['outcome', 'tenant_id']).where('audit_id', '=', r.audit_id).executeTakeFirstOrThrow();
    expect(audit.tenant_id).toBe(TENANT);
    expect(audit.outcome).toBe(r.ok ? 'ok' : 'invalid');
  });

  it('refuses a client-mode caller and audits the refusal', async () => {
    const r = await runQuery(deps, { tenantId: TENANT, timeZone: FIXTURE_ZONE, actorMode: 'client', source: 'voice', spec: { ...base, subject: 'orders' } });
    expect(r.ok).toBe(false);
    const audit = await handle.db.selectFrom('analytics_audit').selectAll().where('audit_id', '=', r.audit_id).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ outcome: 'refused', actor_mode: 'client', sql: null });
  });

  it('leaves the database unchanged', async () => {
    expect(await checksum(handle.db)).toBe(before);
  });
});
