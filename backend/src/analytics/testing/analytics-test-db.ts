import type { AnyDb } from '../catalog.js';
import type { Kysely } from 'kysely';
import { migrations as featureMigrations } from '../../features/business_analytics/migrations/index.js';
import type { DatabaseKind } from '../../storage/database.js';
import type { Database } from '../../storage/schema.js';
import { openMigratedTestDatabase, type TestDatabase } from '../../testing/test-db.js';
import { fixtureTableMigrations } from './fixture-tables.js';
import type { Fixtures } from './fixtures.js';

/** A migrated test database with the projection tables and the analytics views. */
export async function openAnalyticsTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  return openMigratedTestDatabase(kind, { ...featureMigrations, ...fixtureTableMigrations });
}

const CHUNK = 200;

/** Inserts fixture rows straight into the projection tables (as if projected). */
export async function insertFixtures(db: Kysely<Database>, fx: Fixtures): Promise<void> {
  const any = db as unknown as AnyDb;
  for (const [table, rows] of Object.entries(fx) as [string, Record<string, unknown>[]][]) {
    for (let i = 0; i < rows.length; i += CHUNK) {
      await any.insertInto(table).values(rows.slice(i, i + CHUNK)).execute();
    }
  }
}
