import type { Kysely } from 'kysely';
import type { AnyDb } from '../../analytics/catalog.js';
import { feature as appointments } from '../../features/appointment_requests/index.js';
import { feature as contacts } from '../../features/contacts/index.js';
import { feature as missedCalls } from '../../features/missed_call_capture/index.js';
import { feature as orders } from '../../features/order_placing/index.js';
import type { DatabaseKind } from '../../storage/database.js';
import type { Database } from '../../storage/schema.js';
import { testMigrations } from '../test-core.js';
import { openMigratedTestDatabase, type TestDatabase } from '../test-db.js';
import type { Fixtures } from './fixtures.js';

/** The features whose projection tables the analytic views read (calls are the core's). */
const SUBJECT_FEATURES = [appointments, contacts, missedCalls, orders];

/** A test database migrated as a runtime with those features is: their tables, then the analytics views. */
export async function openAnalyticsTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  return openMigratedTestDatabase(kind, testMigrations(SUBJECT_FEATURES));
}

const CHUNK = 200;
/** Fixtures are keyed by subject; a subject whose view reads another table names it here. */
const TABLE_OF: Readonly<Record<string, string>> = { notifications: 'messages' };

/** Inserts fixture rows straight into the projection tables (as if projected). */
export async function insertFixtures(db: Kysely<Database>, fx: Fixtures): Promise<void> {
  const any = db as unknown as AnyDb;
  for (const [subject, rows] of Object.entries(fx) as [string, Record<string, unknown>[]][]) {
    for (let i = 0; i < rows.length; i += CHUNK) {
      await any.insertInto(TABLE_OF[subject] ?? subject).values(rows.slice(i, i + CHUNK)).execute();
    }
  }
}
