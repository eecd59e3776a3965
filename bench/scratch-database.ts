/** A throwaway database for a benchmark: PGlite in memory, or a fresh database on a PostgreSQL server. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../backend/src/storage/database.js';

/** Where a bench's PostgreSQL runs go unless `--database-url` says otherwise (the dev/CI server). */
export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

/**
 * `pglite`: in memory. `postgres`: `create database voz_bench_<random>` on the server `serverUrl`
 * names, dropped again by `close()`.
 */
export async function openScratchDatabase(kind: 'pglite' | 'postgres', serverUrl: string = DEFAULT_POSTGRES_URL): Promise<DatabaseHandle> {
  if (kind === 'pglite') return openDatabase({ dataDir: 'memory://' });
  const name = `voz_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  return {
    ...handle,
    async close() {
      await handle.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
