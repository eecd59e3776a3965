import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type Runtime } from '../main.js';
import { JobQueue, JobWorker } from '../storage/jobs.js';
import { seedDemoTenants } from '../demo/tenants.js';
import { TENANT_UPDATED, tenantStream } from '../tenancy/tenant-events.js';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/test-db.js';
import { freePort, startTestRuntime } from '../testing/test-runtime.js';

const quiet = pino({ level: 'silent' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// Kysely's PostgreSQL migration lock (kysely/dist/esm/dialect/postgres/postgres-adapter.js).
const KYSELY_MIGRATION_LOCK_ID = '3853314791062309107';
/** These tests migrate an empty database from scratch: 12 s alone, over 30 s beside the browser files on a loaded 2-core box. */
const FRESH_MIGRATION_TIMEOUT_MS = 120_000;

async function status(url: string): Promise<number> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).status;
  } catch {
    return 0; // refused / not listening yet
  }
}

/** A real listening start (as `npm start`), returned before it finishes migrating. */
async function startListening(env: Record<string, string>) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const starting = startServer({
    env: { PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', VOZ_DATA_DIR: 'memory://', ...env },
    logger: quiet,
    worker: false,
  });
  return { base, starting };
}

describe.each(testDatabaseKinds())('start-up and shutdown on %s', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  });

  it('/healthz answers at once; /readyz is 503 until migrations are done, then 200; shutdown drains then refuses', async () => {
    let db: TestDatabase | undefined;
    let lock: pg.Client | undefined;
    if (kind === 'postgres') {
      // Hold the migration lock so "not migrated yet" lasts as long as the test wants.
      db = await openTestDatabase('postgres');
      cleanups.push(() => db!.close());
      lock = new pg.Client({ connectionString: db.url });
      await lock.connect();
      await lock.query(`select pg_advisory_lock(${KYSELY_MIGRATION_LOCK_ID})`);
    }
    const { base, starting } = await startListening({
      VOZ_SEED_DEMO: '0',
      VOZ_SHUTDOWN_DRAIN_MS: '300',
      ...(db?.url ? { DATABASE_URL: db.url } : {}),
    });
    let started: Runtime | undefined;
    void starting.then((r) => (started = r), () => undefined);
    cleanups.push(async () => void (await (await starting).close()));

    // Poll until the process serves; while it is still migrating /readyz must say 503.
    const seen: { health: number; ready: number }[] = [];
    while (!started) {
      const [health, ready] = await Promise.all([status(`${base}/healthz`), status(`${base}/readyz`)]);
      if (health !== 0 && !started) seen.push({ health, ready });
      if (lock && seen.length >= 5) {
        await lock.query(`select pg_advisory_unlock(${KYSELY_MIGRATION_LOCK_ID})`);
        await lock.end();
        lock = undefined;
      }
      await sleep(10);
    }
    const runtime = await starting;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]).toEqual({ health: 200, ready: 503 });
    expect(seen.every((s) => s.health === 200)).toBe(true);
    expect(await status(`${base}/readyz`)).toBe(200);

    // Graceful shutdown: a call that never ends is given shutdownDrainMs, not more.
    let drainAsked = 0;
    runtime.addDrainable({ name: 'stuck-call', drain: () => (drainAsked++, new Promise<void>(() => undefined)) });
    const t0 = performance.now();
    const closing = runtime.close();
    expect(runtime.close()).toBe(closing); // idempotent
    await sleep(50);
    expect(drainAsked).toBe(1);
    // While draining: not ready, no new requests, no new connections.
    expect((await runtime.app.inject('/readyz')).statusCode).toBe(503);
    expect((await runtime.app.inject('/api/admin/tenants')).statusCode).toBe(503);
    expect(await status(`${base}/healthz`)).toBe(0);
    await closing;
    const elapsed = performance.now() - t0;
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(3000);
    // The database is closed after the drain.
    await expect(runtime.database.db.selectFrom('tenants').select('id').execute()).rejects.toThrow();
  }, FRESH_MIGRATION_TIMEOUT_MS);
});

describe('restart on the same PGlite data directory', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'voz-data-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Feature demo seeds are left out (each feature tests its own seed-once; the PostgreSQL
  // two-instance test runs them all); the demo tenants are seeded as `npm start` does.
  const env = { VOZ_DATA_DIR: dir, VOZ_SEED_DEMO: '0' };

  it('keeps the data, seeds nothing twice, and waits for drainables before closing the database', async () => {
    const first = await startTestRuntime({ env });
    expect(await seedDemoTenants(first.core.events)).toBe(2);
    const tenants = async (r: Runtime) => (await r.app.inject('/api/admin/tenants')).json() as { items: { id: string; name: string }[] };
    expect((await tenants(first)).items.map((t) => t.id)).toEqual(['demo_barbershop', 'demo_restaurant']);
    await first.core.events.append({
      tenantId: 'demo_barbershop',
      stream: tenantStream('demo_barbershop'),
      events: [{ type: TENANT_UPDATED, payload: { tenantId: 'demo_barbershop', displayName: 'Renamed Before Restart' } }],
    });
    const eventsBefore = await first.core.events.readAll({ limit: 100_000 });

    // A drainable that needs a moment: close waits for it, then closes the database.
    let drained = false;
    first.addDrainable({ name: 'short-call', drain: async () => void (await sleep(100), (drained = true)) });
    await first.close();
    expect(drained).toBe(true);

    const second = await startTestRuntime({ env });
    try {
      expect(await seedDemoTenants(second.core.events)).toBe(0);
      expect((await second.app.inject('/readyz')).statusCode).toBe(200);
      const after = (await tenants(second)).items;
      expect(after.map((t) => t.id)).toEqual(['demo_barbershop', 'demo_restaurant']);
      expect(after.find((t) => t.id === 'demo_barbershop')?.name).toBe('Renamed Before Restart');
      const eventsAfter = await second.core.events.readAll({ limit: 100_000 });
      expect(eventsAfter.map((e) => e.id)).toEqual(eventsBefore.map((e) => e.id));
      expect(eventsAfter).toHaveLength(3);
    } finally {
      await second.close();
    }
  }, FRESH_MIGRATION_TIMEOUT_MS);
});

describe.each(testDatabaseKinds().filter((k) => k === 'postgres'))('two instances on one %s database', () => {
  let db: TestDatabase;
  const runtimes: Runtime[] = [];
  afterAll(async () => {
    for (const r of runtimes) await r.close();
    await db?.close();
  });

  it('both become ready, the demo seed happens once, and their workers share jobs without double work', async () => {
    db = await openTestDatabase('postgres');
    runtimes.push(...(await Promise.all([startTestRuntime({ databaseUrl: db.url }), startTestRuntime({ databaseUrl: db.url })])));
    const [a, b] = runtimes as [Runtime, Runtime];
    for (const r of [a, b]) expect((await r.app.inject('/readyz')).statusCode).toBe(200);

    const countByType = async () =>
      Object.fromEntries(
        (await db.db.selectFrom('events').select(['type', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('type').execute()).map(
          (r) => [r.type, Number(r.n)],
        ),
      );
    const seeded = await countByType();
    expect(seeded['tenant.created']).toBe(2);
    for (const r of [a, b]) {
      const streams = await r.core.events.readStream(tenantStream('demo_restaurant'));
      expect(streams.filter((e) => e.type === 'tenant.created')).toHaveLength(1);
    }

    // A third instance later seeds nothing more.
    const c = await startTestRuntime({ databaseUrl: db.url });
    await c.close();
    expect(await countByType()).toEqual(seeded);

    // Jobs: one queue, two workers on the two instances' own pools; each job runs exactly once.
    await sql`create table test_job_runs (job_id bigint not null, worker text not null)`.execute(db.db);
    const JOBS = 40;
    const queue = new JobQueue(a.database.db);
    for (let i = 0; i < JOBS; i++) await queue.enqueue('test.record', { i });
    const workerOn = (r: Runtime, id: string) =>
      new JobWorker(
        r.database.db,
        {
          'test.record': async (_p, job) => {
            await sql`insert into test_job_runs (job_id, worker) values (${job.id}, ${id})`.execute(r.database.db);
            await sleep(5);
          },
        },
        { workerId: id, batchSize: 2 },
      );
    const drain = async (w: JobWorker) => {
      while ((await w.runOnce()) > 0);
    };
    await Promise.all([drain(workerOn(a, 'instance-a')), drain(workerOn(b, 'instance-b'))]);
    const { rows } = await sql<{ job_id: number; worker: string }>`select job_id, worker from test_job_runs`.execute(db.db);
    expect(rows).toHaveLength(JOBS);
    expect(new Set(rows.map((r) => Number(r.job_id))).size).toBe(JOBS);
    const byWorker = (id: string) => rows.filter((r) => r.worker === id).length;
    expect(byWorker('instance-a')).toBeGreaterThan(0);
    expect(byWorker('instance-b')).toBeGreaterThan(0);
    const done = await db.db.selectFrom('jobs').select('status').where('queue', '=', 'test.record').execute();
    expect(done.every((j) => j.status === 'done')).toBe(true);
  }, FRESH_MIGRATION_TIMEOUT_MS);
});
