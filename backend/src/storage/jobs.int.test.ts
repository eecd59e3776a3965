import { Registry } from 'prom-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openMigratedTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/test-db.js';
import { JobQueue, JobWorker, type JobHandler } from './jobs.js';
import { createStorageMetrics } from './storage-metrics.js';

const noBackoff = () => 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs a worker until a batch comes back empty. */
async function drain(worker: JobWorker): Promise<number> {
  let ran = 0;
  for (let n = await worker.runOnce(); n > 0; n = await worker.runOnce()) ran += n;
  return ran;
}

describe.each(testDatabaseKinds())('jobs on %s', (kind) => {
  let handle: TestDatabase;
  let queue: JobQueue;

  beforeAll(async () => {
    handle = await openMigratedTestDatabase(kind);
    queue = new JobQueue(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });
  beforeEach(async () => {
    await handle.db.deleteFrom('jobs').execute();
  });

  const jobRows = () => handle.db.selectFrom('jobs').selectAll().orderBy('id').execute();

  it('a job that fails twice then succeeds runs three times and ends done', async () => {
    const attempts: number[] = [];
    const flaky: JobHandler = async (_payload, job) => {
      attempts.push(job.attempt);
      if (job.attempt < 3) throw new Error(`transient ${job.attempt}`);
    };
    const worker = new JobWorker(handle.db, { flaky }, { backoffMs: noBackoff });
    await queue.enqueue('flaky', { n: 1 }, { maxAttempts: 5 });
    expect(await drain(worker)).toBe(3);
    expect(attempts).toEqual([1, 2, 3]);
    const [job] = await jobRows();
    expect(job).toMatchObject({ status: 'done', attempts: 3, last_error: null, locked_until: null });
    expect(job?.finished_at).toBeInstanceOf(Date);
  });

  it('a job that always fails is dead-lettered after max attempts, keeping the last error', async () => {
    let runs = 0;
    const worker = new JobWorker(
      handle.db,
      {
        doomed: async () => {
          runs++;
          throw new Error(`nope #${runs}`);
        },
      },
      { backoffMs: noBackoff },
    );
    await queue.enqueue('doomed', {}, { maxAttempts: 3 });
    await drain(worker);
    expect(runs).toBe(3);
    const [job] = await jobRows();
    expect(job).toMatchObject({ status: 'dead', attempts: 3, last_error: 'nope #3' });
    // Dead jobs are never picked up again.
    expect(await worker.runOnce()).toBe(0);
  });

  it('waits for the backoff before retrying', async () => {
    const worker = new JobWorker(handle.db, { slow: async () => Promise.reject(new Error('x')) }, { backoffMs: () => 60_000 });
    await queue.enqueue('slow', {});
    expect(await worker.runOnce()).toBe(1);
    expect(await worker.runOnce()).toBe(0);
    const [job] = await jobRows();
    expect(job?.status).toBe('queued');
    expect(job!.run_at.getTime()).toBeGreaterThan(Date.now() + 50_000);
  });

  it('runAt delays a job; a dedupe key enqueues at most once', async () => {
    const seen: unknown[] = [];
    const worker = new JobWorker(handle.db, { q: async (p) => void seen.push(p) });
    await queue.enqueue('q', { later: true }, { runAt: new Date(Date.now() + 60_000) });
    await queue.enqueue('q', { first: true }, { dedupeKey: 'once' });
    await queue.enqueue('q', { second: true }, { dedupeKey: 'once' });
    await drain(worker);
    expect(seen).toEqual([{ first: true }]);
    expect(await jobRows()).toHaveLength(2);
  });

  it('only claims queues it has handlers for', async () => {
    const worker = new JobWorker(handle.db, { mine: async () => undefined });
    await queue.enqueue('theirs', {});
    expect(await worker.runOnce()).toBe(0);
    expect((await jobRows())[0]?.status).toBe('queued');
  });

  it('two workers never run one job at once, and every job runs exactly once', async () => {
    const JOBS = 60;
    const running = new Set<number>();
    const runsByJob = new Map<number, string[]>();
    let overlaps = 0;
    const handlerFor =
      (workerId: string): JobHandler =>
      async (_p, job) => {
        if (running.has(job.id)) overlaps++;
        running.add(job.id);
        runsByJob.set(job.id, [...(runsByJob.get(job.id) ?? []), workerId]);
        await sleep(2);
        running.delete(job.id);
      };
    const a = new JobWorker(handle.db, { shared: handlerFor('a') }, { workerId: 'a', batchSize: 3 });
    const b = new JobWorker(handle.db, { shared: handlerFor('b') }, { workerId: 'b', batchSize: 3 });
    for (let i = 0; i < JOBS; i++) await queue.enqueue('shared', { i });
    const [ranA, ranB] = await Promise.all([drain(a), drain(b)]);
    expect(overlaps).toBe(0);
    expect(ranA + ranB).toBe(JOBS);
    expect(runsByJob.size).toBe(JOBS);
    for (const runs of runsByJob.values()) expect(runs).toHaveLength(1);
    const rows = await jobRows();
    expect(rows.every((r) => r.status === 'done' && r.attempts === 1)).toBe(true);
  });

  it('a job whose worker died is taken again after its lease expires; the dead worker cannot overwrite it', async () => {
    let releaseA!: (err?: Error) => void;
    const stuck = new Promise<void>((resolve, reject) => (releaseA = (err) => (err ? reject(err) : resolve())));
    const a = new JobWorker(handle.db, { leased: () => stuck }, { workerId: 'a', leaseMs: 200 });
    const ranByB: number[] = [];
    const b = new JobWorker(handle.db, { leased: async (_p, job) => void ranByB.push(job.attempt) }, { workerId: 'b', leaseMs: 200 });
    await queue.enqueue('leased', {});

    const aRun = a.runOnce(); // claims the job, then hangs: as good as dead
    await sleep(50);
    expect(await b.runOnce()).toBe(0); // still leased to a
    expect((await jobRows())[0]).toMatchObject({ status: 'running', locked_by: 'a' });

    await sleep(300);
    expect(await b.runOnce()).toBe(1);
    expect(ranByB).toEqual([2]);
    expect((await jobRows())[0]).toMatchObject({ status: 'done', locked_by: 'b', attempts: 2 });

    // The "dead" worker wakes up and fails: its late report must not requeue b's finished job.
    releaseA(new Error('late failure'));
    await aRun;
    expect((await jobRows())[0]).toMatchObject({ status: 'done', locked_by: 'b', attempts: 2, last_error: null });
  });

  it('a job whose worker died on its last attempt is dead-lettered, not re-run forever', async () => {
    const a = new JobWorker(handle.db, { poison: () => new Promise<void>(() => undefined) }, { workerId: 'a', leaseMs: 100 });
    let ranByB = 0;
    const registry = new Registry();
    const b = new JobWorker(handle.db, { poison: async () => void ranByB++ }, { workerId: 'b', leaseMs: 100, metrics: createStorageMetrics(registry) });
    await queue.enqueue('poison', {}, { maxAttempts: 1 });
    void a.runOnce(); // claims attempt 1 of 1, then never finishes: as good as dead
    await sleep(250);
    expect(await b.runOnce()).toBe(0);
    expect(ranByB).toBe(0);
    expect((await jobRows())[0]).toMatchObject({ status: 'dead', attempts: 1, locked_until: null });
    expect((await jobRows())[0]?.last_error).toMatch(/lease expired/);
    expect(await registry.metrics()).toMatch(/^voz_jobs_total\{queue="poison",outcome="dead"\} 1$/m);
  });

  it('counts job outcomes on the registry it is given', async () => {
    const registry = new Registry();
    const metrics = createStorageMetrics(registry);
    let runs = 0;
    const worker = new JobWorker(
      handle.db,
      {
        ok: async () => undefined,
        twice: async () => {
          if (++runs < 2) throw new Error('once');
        },
        never: async () => Promise.reject(new Error('never')),
      },
      { backoffMs: noBackoff, metrics },
    );
    await queue.enqueue('ok', {});
    await queue.enqueue('twice', {});
    await queue.enqueue('never', {}, { maxAttempts: 1 });
    await drain(worker);
    const text = await registry.metrics();
    expect(text).toMatch(/^voz_jobs_total\{queue="ok",outcome="done"\} 1$/m);
    expect(text).toMatch(/^voz_jobs_total\{queue="twice",outcome="retry"\} 1$/m);
    expect(text).toMatch(/^voz_jobs_total\{queue="twice",outcome="done"\} 1$/m);
    expect(text).toMatch(/^voz_jobs_total\{queue="never",outcome="dead"\} 1$/m);
  });

  it('a poll that only dead-letters keeps polling at pace: the job behind those letters runs soon', async () => {
    for (let i = 0; i < 4; i++) await queue.enqueue('late', { i }, { maxAttempts: 1 });
    // Four leases that ran out on their last attempt, ahead of one due job.
    await handle.db.updateTable('jobs').set({ status: 'running', attempts: 1, locked_until: new Date(Date.now() - 60_000) }).execute();
    const ran: number[] = [];
    await queue.enqueue('late', { i: 4 });
    // One row per poll; an idle poll would double the wait each time (200, 400, 800, 1600 ms).
    const worker = new JobWorker(handle.db, { late: async (p) => void ran.push(p.i as number) }, { pollMs: 100, idlePollMs: 20_000, batchSize: 1 });
    const started = performance.now();
    worker.start();
    for (let t = 0; t < 300 && ran.length === 0; t++) await sleep(10);
    await worker.stop();
    expect(ran).toEqual([4]);
    expect(performance.now() - started).toBeLessThan(1500);
    expect((await jobRows()).map((j) => j.status)).toEqual(['dead', 'dead', 'dead', 'dead', 'done']);
  });

  it('start/stop polls in the background and stops cleanly', async () => {
    const seen: number[] = [];
    const worker = new JobWorker(handle.db, { bg: async (p) => void seen.push(p.i as number) }, { pollMs: 10 });
    worker.start();
    for (let i = 0; i < 3; i++) await queue.enqueue('bg', { i });
    for (let t = 0; t < 200 && seen.length < 3; t++) await sleep(10);
    await worker.stop();
    expect(seen.sort()).toEqual([0, 1, 2]);
  });
});
