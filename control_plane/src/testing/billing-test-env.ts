import { Migrator, type Kysely } from 'kysely';
import { openRuntimeTestDatabase, type TestDatabase } from '../../../backend/src/testing/test-db.js';
import { startTestRuntime } from '../../../backend/src/testing/test-runtime.js';
import { openDatabase, type DatabaseKind } from '../../../backend/src/storage/database.js';
import { createBilling, type BillingDeps } from '../billing/create-billing.js';
import { billingMigrations } from '../billing/migrations/index.js';
import type { BillingDatabase } from '../billing/tables.js';
import { eventsTableSource, tenantsTableDirectory } from '../usage/backend-adapter.js';
import type { BillingEventAppender, Log } from '../usage/ports.js';

export type { DatabaseKind };

/** The whole backend boots and seeds the demo history: slow on a loaded machine. */
export const BOOT_TIMEOUT_MS = 180_000;

export const silentLog: Log = { info: () => undefined, warn: () => undefined, error: () => undefined };

type Runtime = Awaited<ReturnType<typeof startTestRuntime>>;

export interface BillingTestEnv {
  runtime: Runtime;
  db: Kysely<BillingDatabase>;
  /** For PostgreSQL: the database URL, to open a second instance's own pool. */
  url?: string;
  appender: BillingEventAppender;
  billing(over?: Partial<BillingDeps>): ReturnType<typeof createBilling>;
  /** Another instance's handle: its own pool on PostgreSQL; the same handle on PGlite (one connection). */
  secondInstanceDb(): Promise<Kysely<BillingDatabase>>;
  /** Appends an event the way the backend does (its event store, projections included). */
  append(tenantId: string, streamId: string, type: string, payload: Record<string, unknown>, occurredAt: Date): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real backend (demo tenants and their generated history) on a fresh database of `kind`,
 * with billing's tables migrated and billing wired to it through the ports the backend will
 * hand over when it mounts billing.
 */
export async function startBillingEnv(kind: DatabaseKind): Promise<BillingTestEnv> {
  const pg: TestDatabase | undefined = kind === 'postgres' ? await openRuntimeTestDatabase('postgres') : undefined;
  const runtime = await startTestRuntime(pg?.url ? { databaseUrl: pg.url } : {});
  const db = runtime.database.db as unknown as Kysely<BillingDatabase>;
  // Billing's own migration table here: the backend's migrator will run billingMigrations with
  // its core and feature ones once it mounts billing.
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => billingMigrations },
    migrationTableName: 'billing_test_migration',
    migrationLockTableName: 'billing_test_migration_lock',
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
  const appender: BillingEventAppender = {
    async append(e) {
      await runtime.core.events.append({
        tenantId: e.tenantId,
        stream: { type: 'billing', id: e.tenantId },
        expectedVersion: 'any',
        events: [{ type: e.type, payload: e.payload, idempotencyKey: e.idempotencyKey, ...(e.occurredAt ? { occurredAt: e.occurredAt } : {}) }],
      });
    },
  };
  return {
    runtime,
    db,
    ...(pg?.url ? { url: pg.url } : {}),
    appender,
    billing: (over = {}) =>
      createBilling({
        db,
        events: eventsTableSource(db),
        tenants: tenantsTableDirectory(db),
        appender,
        jobs: runtime.core.jobs,
        log: silentLog,
        settleMs: 0,
        ...over,
      }),
    async secondInstanceDb() {
      if (!pg?.url) return db;
      return (await openDatabase({ databaseUrl: pg.url, poolSize: 2 })).db as unknown as Kysely<BillingDatabase>;
    },
    async append(tenantId, streamId, type, payload, occurredAt) {
      await runtime.core.events.append({ tenantId, stream: { type: 'test', id: streamId }, expectedVersion: 'any', events: [{ type, payload, occurredAt }] });
    },
    async close() {
      await runtime.close();
      await pg?.close();
    },
  };
}
