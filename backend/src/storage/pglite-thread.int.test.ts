import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmptyCluster } from '../testing/snapshots/pglite-snapshots.js';
import { openDatabase, type DatabaseHandle } from './database.js';
import { PgliteThread } from './pglite-thread-client.js';

/** Embedded PGlite on its own thread, through the same Kysely handle the app uses. */
describe('embedded database on its own thread', () => {
  const open: DatabaseHandle[] = [];
  const fresh = async (loadDataDir?: Blob) => {
    const h = loadDataDir ? await openDatabase({ dataDir: 'memory://', loadDataDir }) : await openEmptyCluster();
    open.push(h);
    return h;
  };
  // One database for the tests that only query (each its own tables): a thread's open is most
  // of such a test's time.
  let sharedHandle: Promise<DatabaseHandle> | undefined;
  const shared = () => (sharedHandle ??= fresh());
  afterAll(async () => {
    await Promise.all(open.splice(0).map((h) => h.close()));
  });

  it('returns rows with the types the app reads: numbers for int8 and numeric, dates, json, bytes', async () => {
    const { db } = await shared();
    const { rows } = await sql<{ n: number; m: number; at: Date; j: { a: number[] }; b: Uint8Array; t: string | null }>`
      select 9007199254740991::int8 as n, 12.50::numeric as m, ${new Date('2026-12-02T10:00:00Z')}::timestamptz as at,
             ${JSON.stringify({ a: [1, 2] })}::jsonb as j, '\\x0102'::bytea as b, null::text as t`.execute(db);
    expect(rows).toEqual([{ n: 9007199254740991, m: 12.5, at: new Date('2026-12-02T10:00:00Z'), j: { a: [1, 2] }, b: new Uint8Array([1, 2]), t: null }]);
  });

  it('an in-memory database keeps a small buffer pool: its files are already in memory', async () => {
    const { db } = await shared();
    const { rows } = await sql<{ shared_buffers: string }>`show shared_buffers`.execute(db);
    expect(rows).toEqual([{ shared_buffers: '16MB' }]);
  });

  it('reports affected rows and keeps a rolled-back transaction out', async () => {
    const { db } = await shared();
    await sql`create table t (id int primary key, v text)`.execute(db);
    const inserted = await sql`insert into t values (1, 'a'), (2, 'b')`.execute(db);
    expect(inserted.numAffectedRows).toBe(2n);
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`insert into t values (3, 'c')`.execute(trx);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await db.transaction().execute(async (trx) => sql`update t set v = 'z' where id = 1`.execute(trx));
    const { rows } = await sql<{ id: number; v: string }>`select id, v from t order by id`.execute(db);
    expect(rows).toEqual([{ id: 1, v: 'z' }, { id: 2, v: 'b' }]);
  });

  it("passes a database error's code and constraint across (the event store's races depend on them)", async () => {
    const { db } = await shared();
    await sql`create table u (k text constraint u_k_key unique)`.execute(db);
    await sql`insert into u values ('x')`.execute(db);
    const err = await sql`insert into u values ('x')`.execute(db).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({ code: '23505', constraint: 'u_k_key', message: expect.stringContaining('duplicate key') });
    // The connection is usable after an error.
    expect((await sql<{ one: number }>`select 1 as one`.execute(db)).rows).toEqual([{ one: 1 }]);
  });

  it('dumps its data directory, and a new database starts from the dump', async () => {
    const first = await fresh();
    await sql`create table kept (v text)`.execute(first.db);
    await sql`insert into kept values ('still here')`.execute(first.db);
    const dump = await first.dumpDataDir!();
    const second = await fresh(dump);
    expect((await sql<{ v: string }>`select v from kept`.execute(second.db)).rows).toEqual([{ v: 'still here' }]);
  });

  it('leaves the main thread free while a statement runs (call audio is not paused by database work)', async () => {
    const { db } = await shared();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const t0 = performance.now();
    await sql`select pg_sleep(0.4)`.execute(db);
    clearInterval(timer);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(390);
    // On the main thread the sleep blocked the loop: no tick at all until it ended.
    expect(ticks).toBeGreaterThanOrEqual(15);
  });

  it('says when its thread dies (a crash), and fails requests with why; a close is not a loss', async () => {
    // A stand-in thread that opens, then dies on its first request as a crashed PGlite would.
    const crashing = new URL(
      `data:text/javascript,${encodeURIComponent(
        "import { parentPort } from 'node:worker_threads'; parentPort.postMessage({ id: 0, ok: true }); parentPort.on('message', () => process.exit(7));",
      )}`,
    );
    const thread = await PgliteThread.open({ numberOids: [] }, crashing);
    await expect(thread.query('select 1', [])).rejects.toThrow("the embedded database's thread exited (code 7)");
    expect((await thread.lost).message).toContain('(code 7)');
    await expect(thread.query('select 1', [])).rejects.toThrow('(code 7)');

    const h = await openEmptyCluster();
    const lostOnClose = await Promise.race([h.lost, h.close().then(() => 'closed')]);
    expect(lostOnClose).toBe('closed');
    expect(await Promise.race([h.lost, new Promise((r) => setTimeout(() => r('not lost'), 50))])).toBe('not lost');
  });

  it('fails requests with a clear error once closed, instead of hanging', async () => {
    const h = await openEmptyCluster();
    await h.close();
    await expect(sql`select 1`.execute(h.db)).rejects.toThrow(/closed|destroyed/);
  });
});
