import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds, type TestDatabase } from '../testing/test-db.js';
import { CatalogProvider } from './catalog-provider.js';
import type { AnyDb } from './catalog.js';
import { openAnalyticsTestDatabase } from '../testing/analytics/analytics-test-db.js';

const PROBE = 'zz_probe';

describe.each(testDatabaseKinds())('catalog provider on %s', (kind) => {
  let handle: TestDatabase;
  let db: AnyDb;

  beforeAll(async () => {
    handle = await openAnalyticsTestDatabase(kind);
    db = handle.db as unknown as AnyDb;
  });
  afterAll(async () => handle?.close());

  it('reads once, serves from memory, and sees a new view only after refresh()', async () => {
    const provider = new CatalogProvider(db);
    const first = await provider.current();
    expect(first.subjects.map((s) => s.name)).toContain('orders');
    expect(await provider.current()).toBe(first);

    await sql`create view ${sql.id('analytics', PROBE)} as select 'x'::text as tenant_id, 1::integer as n`.execute(db);
    try {
      // The schema changed behind its back: still the catalog in memory (no per-run read).
      expect((await provider.current()).subjects.map((s) => s.name)).not.toContain(PROBE);
      const refreshed = await provider.refresh();
      expect(refreshed.subjects.find((s) => s.name === PROBE)?.fields).toEqual([{ name: 'n', type: 'number', integer: true }]);
      expect(await provider.current()).toBe(refreshed);
    } finally {
      await sql`drop view ${sql.id('analytics', PROBE)}`.execute(db);
    }
  });

  it('keeps no catalog between providers: each runtime has its own', async () => {
    const a = new CatalogProvider(db);
    const b = new CatalogProvider(db);
    expect(await a.current()).not.toBe(await b.current());
    expect(await a.current()).toEqual(await b.current());
  });
});
