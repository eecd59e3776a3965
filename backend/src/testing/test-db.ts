import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Kysely, Migration } from 'kysely';
import { openDatabase, type DatabaseHandle, type DatabaseKind } from '../storage/database.js';
import { migrateToLatest } from '../storage/migrate.js';
import type { Database } from '../storage/schema.js';

/**
 * Test databases. PGlite always (in memory); PostgreSQL when TEST_DATABASE_URL is set, as CI
 * sets it. A suite asked to run on PostgreSQL that cannot reach it fails: it never skips.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

export function testDatabaseKinds(): DatabaseKind[] {
  return TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase extends DatabaseHandle {
  /** For PostgreSQL: the URL of this test's own fresh database (for a second instance). */
  url?: string;
}

/** A fresh, empty database of the given kind: PGlite in memory, or a new database on the server. */
export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') return openDatabase({ dataDir: 'memory://' });
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set: cannot open a PostgreSQL test database');
  const name = `voz_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(`TEST_DATABASE_URL is set but PostgreSQL is unreachable: ${(err as Error).message}`);
  }
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  return {
    ...handle,
    url: url.toString(),
    async close() {
      await handle.close();
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A fresh database with core (+ given) migrations applied. */
export async function openMigratedTestDatabase(kind: DatabaseKind, extra: Record<string, Migration> = {}): Promise<TestDatabase> {
  const handle = await openTestDatabase(kind);
  await migrateToLatest(handle.db as Kysely<Database>, extra);
  return handle;
}
