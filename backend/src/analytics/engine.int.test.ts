import type { AnyDb } from './catalog.js';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventStore } from '../storage/event-store.js';
import { testDatabaseKinds, type TestDatabase } from '../testing/test-db.js';
import { analyticsAuditProjection } from './audit.js';
import { loadCatalog, type Catalog } from './catalog.js';
import { ANALYTICS_ROLE, TENANT_SETTING } from './executor.js';
import { runQuery, type RunDeps } from './run-query.js';
import { insertFixtures, openAnalyticsTestDatabase } from '../testing/analytics/analytics-test-db.js';
import { buildFixtures, FIXTURE_NOW, FIXTURE_ZONE, OTHER_TENANT, TENANT } from '../testing/analytics/fixtures.js';

describe.each(testDatabaseKinds())('analytics engine on %s', (kind) => {
  let handle: TestDatabase;
  let catalog: Catalog;
  let deps: RunDeps;
  const fx = buildFixtures();

  beforeAll(async () => {
    handle = await openAnalyticsTestDatabase(kind);
    await insertFixtures(handle.db, fx);
    catalog = await loadCatalog(handle.db);
    deps = { db: handle.db, kind, events: new EventStore(handle.db, [analyticsAuditProjection]), catalog, now: FIXTURE_NOW };
  });
  afterAll(async () => handle?.close());

  const asRole = async <T>(db: AnyDb, tenant: string | null, q: ReturnType<typeof sql<T>>) =>
    db.transaction().execute(async (trx) => {
      await sql`set transaction read only`.execute(trx);
      if (tenant !== null) await sql`select set_config(${TENANT_SETTING}, ${tenant}, true)`.execute(trx);
      await sql`set local role ${sql.id(ANALYTICS_ROLE)}`.execute(trx);
      return (await q.execute(trx)).rows;
    });

  it('discovers the subjects and fields from the views, without tenant_id or phone numbers', () => {
    const names = catalog.subjects.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['appointments', 'calls', 'contacts', 'notifications', 'order_items', 'orders']));
    const all = catalog.subjects.flatMap((s) => s.fields.map((f) => f.name));
    expect(all).not.toContain('tenant_id');
    expect(all.filter((n) => /phone|from_number|to_number|summary|notes/.test(n))).toEqual([]);
    const orders = catalog.subjects.find((s) => s.name === 'orders')!;
    expect(orders.fields.find((f) => f.name === 'total_cents')).toEqual({ name: 'total_cents', type: 'number', integer: true });
    expect(orders.fields.find((f) => f.name === 'created_at')?.type).toBe('timestamp');
    expect(catalog.subjects.find((s) => s.name === 'calls')!.fields.find((f) => f.name === 'missed')?.type).toBe('boolean');
  });

  it('under the analytics role with no tenant set, the views return no rows', async () => {
    for (const s of catalog.subjects) {
      const rows = await asRole(handle.db, null, sql<{ n: number }>`select count(*) as n from ${sql.id('analytics', s.name)}`);
      expect(rows[0]!.n, s.name).toBe(0);
    }
  });

  it('the views show only the tenant in the setting, even without a tenant predicate', async () => {
    const rows = await asRole(handle.db, OTHER_TENANT, sql<{ t: string }>`select distinct tenant_id as t from analytics.orders`);
    expect(rows).toEqual([{ t: OTHER_TENANT }]);
  });

  it('the analytics role cannot read base tables or other schemas, nor write', async () => {
    for (const q of [
      sql`select * from public.events limit 1`,
      sql`select * from public.orders limit 1`,
      sql`select * from pg_catalog.pg_authid limit 1`,
    ]) {
      await expect(asRole(handle.db, TENANT, q)).rejects.toThrow(/permission denied/);
    }
    await expect(asRole(handle.db, TENANT, sql`delete from analytics.orders`)).rejects.toThrow(/read-only|permission denied/);
  });

  it("offers the calls' transfer outcome and reply latency, and counts calls by transfer outcome", async () => {
    const calls = catalog.subjects.find((s) => s.name === 'calls')!;
    expect(calls.fields.find((f) => f.name === 'transfer_status')?.type).toBe('text');
    expect(calls.fields.find((f) => f.name === 'reply_p50_ms')).toEqual({ name: 'reply_p50_ms', type: 'number', integer: true });
    expect(calls.fields.map((f) => f.name), 'the transfer reason (free text) and the recording link stay out').not.toEqual(expect.arrayContaining(['message_url']));
    const mine = fx.calls.filter((c) => c.tenant_id === TENANT).slice(0, 3).map((c) => c.call_sid);
    await handle.db.updateTable('calls').set({ transfer_status: 'unanswered' }).where('call_sid', 'in', mine.slice(0, 2)).execute();
    await handle.db.updateTable('calls').set({ transfer_status: 'completed' }).where('call_sid', '=', mine[2]!).execute();
    const r = await runQuery(deps, {
      tenantId: TENANT,
      timeZone: FIXTURE_ZONE,
      actorMode: 'owner',
      source: 'portal',
      question: 'how many calls were transferred, by outcome?',
      spec: { subject: 'calls', metrics: [{ fn: 'count', field: null, as: 'calls' }], group_by: [{ field: 'transfer_status', grain: null }], filters: [{ field: 'transfer_status', op: 'is_not_null', value: null }] },
    });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (!r.ok) return;
    expect(r.rows).toEqual(expect.arrayContaining([{ transfer_status: 'completed', calls: 1 }, { transfer_status: 'unanswered', calls: 2 }]));
    expect(r.rows).toHaveLength(2);
  });

  it('runs a count, audits it with SQL and parameters', async () => {
    const r = await runQuery(deps, {
      tenantId: TENANT,
      timeZone: FIXTURE_ZONE,
      actorMode: 'owner',
      source: 'portal',
      question: 'how many orders today?',
      spec: { subject: 'orders', metrics: [{ fn: 'count', field: null, as: 'orders' }], time_range: { field: 'created_at', preset: 'today', from: null, to: null } },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const expected = fx.orders.filter((o) => o.tenant_id === TENANT && o.created_at >= new Date('2026-11-04T05:00:00Z') && o.created_at < new Date('2026-11-05T05:00:00Z')).length;
    expect(r.rows).toEqual([{ orders: expected }]);
    expect(r.window?.label).toBe('on Wednesday, November 4, 2026');
    const audit = await handle.db.selectFrom('analytics_audit').selectAll().where('audit_id', '=', r.audit_id).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ tenant_id: TENANT, outcome: 'ok', source: 'portal', actor_mode: 'owner', row_count: 1, question: 'how many orders today?' });
    expect(audit.sql).toContain('"tenant_id" = $1');
    expect(audit.params).toEqual([TENANT, '2026-11-04T05:00:00.000Z', '2026-11-05T05:00:00.000Z', 101]);
  });
});
