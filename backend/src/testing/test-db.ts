import { randomBytes } from 'node:crypto';
import type { Kysely, Migration } from 'kysely';
import type { Clock } from '../features/types.js';
import { openDatabase, type DatabaseHandle, type DatabaseKind } from '../storage/database.js';
import { migrateToLatest } from '../storage/migrate.js';
import type { Database } from '../storage/schema.js';
import { buildRuntimeDatabase, runtimeDatabaseKey } from './snapshots/demo-build.js';
import { pgTemplate, retryInUse, withAdmin } from './snapshots/pg-templates.js';
import { openEmptyCluster, openFromSnapshot } from './snapshots/pglite-snapshots.js';
import { migrationsKey } from './snapshots/source-key.js';

/**
 * Test databases. PGlite always (in memory); PostgreSQL when TEST_DATABASE_URL is set, as CI
 * sets it. A suite asked to run on PostgreSQL that cannot reach it fails: it never skips.
 * Migrated (and seeded) databases start from a cached copy (testing/snapshots/): a PGlite dump,
 * or a PostgreSQL template database, built once per key.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

export function testDatabaseKinds(): DatabaseKind[] {
  return TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase extends DatabaseHandle {
  /** For PostgreSQL: the URL of this test's own fresh database (for a second instance). */
  url?: string;
}

type Build = (handle: DatabaseHandle) => Promise<void>;

/** A fresh, empty database of the given kind: PGlite in memory, or a new database on the server. */
export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') return openEmptyCluster();
  return openPostgres();
}

/** A fresh database with core (+ given) migrations applied. */
export async function openMigratedTestDatabase(kind: DatabaseKind, extra: Record<string, Migration> = {}): Promise<TestDatabase> {
  return openBuilt(kind, migrationsKey(extra), async (h) => void (await migrateToLatest(h.db as Kysely<Database>, extra)));
}

/**
 * A fresh database as a runtime finds it before its first start: every module migrated and, when
 * `seeded`, the demo seeded as of `clock` (secret, access codes, owners are left to the runtime). For
 * `startTestRuntime({ databaseUrl })` on PostgreSQL; the PGlite runtime uses it by itself.
 */
export async function openRuntimeTestDatabase(kind: DatabaseKind, seeded = true, clock: Clock = () => new Date()): Promise<TestDatabase> {
  return openBuilt(kind, await runtimeDatabaseKey(seeded, clock), (h) => buildRuntimeDatabase(h, seeded, clock));
}

async function openBuilt(kind: DatabaseKind, key: string, build: Build): Promise<TestDatabase> {
  if (kind === 'pglite') return openFromSnapshot(key, build);
  return openPostgres((server) => pgTemplate(server, key, build));
}

/** A new database on the server: empty, or a copy of the template `template` names. */
async function openPostgres(template?: (server: string) => Promise<string>): Promise<TestDatabase> {
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set: cannot open a PostgreSQL test database');
  const server = TEST_DATABASE_URL;
  const from = template ? ` template ${await template(server)}` : '';
  const name = `voz_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withAdmin(server, (c) => retryInUse(() => c.query(`create database ${name}${from}`)));
  const url = new URL(server);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  return {
    ...handle,
    url: url.toString(),
    async close() {
      await handle.close();
      await withAdmin(server, (c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}
