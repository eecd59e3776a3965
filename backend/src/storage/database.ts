import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.js';
import { PgliteThread } from './pglite-thread-client.js';
import type { Database } from './schema.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  close(): Promise<void>;
  /** PGlite only: the data directory as a tarball, which `loadDataDir` restores (test snapshots). */
  dumpDataDir?(): Promise<Blob>;
  /** PGlite only: settles if its thread ends without `close` (a crash); nothing can be stored after. */
  lost?: Promise<Error>;
}

export interface DatabaseOptions {
  /** `postgres://…` selects the pg pool; otherwise embedded PGlite. */
  databaseUrl?: string;
  /** PGlite data directory; `memory://` (or undefined) keeps it in memory, as tests do. */
  dataDir?: string;
  poolSize?: number;
  /** PGlite only: start from this dumped data directory instead of an empty one (test snapshots). */
  loadDataDir?: Blob;
}

// Counts and sums come back as numbers on both drivers (pg would give strings for int8 and
// numeric). Every value we store fits a double: cents, counts, durations.
const NUMBER_OIDS: readonly number[] = [20, 1700];
const toNumber = (v: string) => Number(v);

/**
 * The buffer pool of an in-memory PGlite (tests, scratch databases). Its files already live in
 * memory, so a large pool only caches memory in memory: PGlite's 128 MB took ~250 ms of CPU and
 * ~75 MiB more resident memory per open (the suite opens ~80). On disk PGlite keeps its default.
 */
const IN_MEMORY_SHARED_BUFFERS = '16MB';

/** The only place that chooses a driver: PGlite when there is no DATABASE_URL, pg otherwise. */
export async function openDatabase(opts: DatabaseOptions): Promise<DatabaseHandle> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          NUMBER_OIDS.includes(oid) ? toNumber : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    // An idle client whose server went away (restart, failover, terminated backend) emits
    // 'error' on the pool; unhandled, that kills the process. The pool drops the client and the
    // next query connects again, so there is nothing else to do here.
    pool.on('error', () => undefined);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const dataDir = opts.dataDir && opts.dataDir !== 'memory://' ? path.resolve(opts.dataDir) : undefined;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = await PgliteThread.open({
    numberOids: NUMBER_OIDS,
    ...(dataDir ? { dataDir } : {}),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    ...(dataDir ? {} : { sharedBuffers: IN_MEMORY_SHARED_BUFFERS }),
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  // Kysely destroys only a driver it has used: a handle closed before its first query would
  // leave the thread (and its database's memory) behind.
  const close = async () => {
    await db.destroy();
    await pglite.close();
  };
  return { db, kind: 'pglite', close, dumpDataDir: () => pglite.dumpDataDir(), lost: pglite.lost };
}
