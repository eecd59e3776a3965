import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventStore } from '../storage/event-store.js';
import { testDatabaseKinds, type TestDatabase } from '../testing/test-db.js';
import { analyticsAuditProjection } from './audit.js';
import { loadCatalog } from './catalog.js';
import { runQuery, type RunDeps } from './run-query.js';
import { insertFixtures, openAnalyticsTestDatabase } from '../testing/analytics/analytics-test-db.js';
import { CORRECTNESS_CORPUS } from '../testing/analytics/correctness-corpus.js';
import { buildFixtures, FIXTURE_NOW, FIXTURE_ZONE, TENANT } from '../testing/analytics/fixtures.js';
import { referenceEval } from '../testing/analytics/reference-eval.js';

describe.each(testDatabaseKinds())('correctness corpus on %s', (kind) => {
  let handle: TestDatabase;
  let deps: RunDeps;
  const fx = buildFixtures();

  beforeAll(async () => {
    handle = await openAnalyticsTestDatabase(kind);
    await insertFixtures(handle.db, fx);
    deps = { db: handle.db, kind, events: new EventStore(handle.db, [analyticsAuditProjection]), catalog: await loadCatalog(handle.db), now: FIXTURE_NOW };
  });
  afterAll(async () => handle?.close());

  it('has at least 40 questions', () => expect(CORRECTNESS_CORPUS.length).toBeGreaterThanOrEqual(40));

  it.each(CORRECTNESS_CORPUS.map((c) => [c.question, c] as const))('%s', async (_q, entry) => {
    const expected = referenceEval(fx, TENANT, entry.spec as Parameters<typeof referenceEval>[2]);
    const result = await runQuery(deps, { tenantId: TENANT, timeZone: FIXTURE_ZONE, actorMode: 'owner', source: 'portal', question: entry.question, spec: entry.spec });
    if (!result.ok) throw new Error(result.error);
    expect(result.rows).toEqual(expected.rows);
    expect(result.truncated).toBe(expected.truncated);
    // A corpus that only ever answers 0 proves little.
    expect(expected.rows.length).toBeGreaterThan(0);
  });
});
