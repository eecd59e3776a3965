import type { Kysely } from 'kysely';
import { billingAppender, tenantDirectory, usageEventSource } from '../../../backend/src/compose/billing-ports.js';
import { DEMO_OWNERS } from '../../../backend/src/demo/owners.js';
import type { Runtime } from '../../../backend/src/main.js';
import { openDatabase, type DatabaseKind } from '../../../backend/src/storage/database.js';
import { openTestDatabase, type TestDatabase } from '../../../backend/src/testing/test-db.js';
import { startTestRuntime, type TestRuntimeOptions } from '../../../backend/src/testing/test-runtime.js';
import { createBilling, type BillingDeps } from '../billing/create-billing.js';
import type { BillingDatabase } from '../billing/tables.js';
import type { Log } from '../usage/ports.js';

export type { DatabaseKind };

/** The whole backend boots and seeds the demo history: slow on a loaded machine. */
export const BOOT_TIMEOUT_MS = 180_000;

export const ADMIN_TOKEN = 'billing-test-admin-token-0123';
export const ADMIN = { authorization: `Bearer ${ADMIN_TOKEN}` } as const;

export const silentLog: Log = { info: () => undefined, warn: () => undefined, error: () => undefined };

export interface BillingTestEnv {
  /** The real app (`startServer`) with billing mounted; admin bearer `ADMIN`. */
  runtime: Runtime;
  db: Kysely<BillingDatabase>;
  /** For PostgreSQL: the database URL, to start a second instance on it. */
  url?: string;
  /**
   * Billing's services over the runtime's database, built as compose/billing.ts builds them, with
   * deps replaced (a clock, a Stripe fake, another instance's database handle).
   */
  billing(over?: Partial<BillingDeps>): ReturnType<typeof createBilling>;
  /** Another instance's handle: its own pool on PostgreSQL; the same handle on PGlite (one connection). */
  secondInstanceDb(): Promise<Kysely<BillingDatabase>>;
  /** A demo owner's session (contract §7 demo accounts): the `cookie` header, cached per tenant. */
  ownerSession(tenant: 'demo_restaurant' | 'demo_barbershop'): Promise<{ cookie: string }>;
  /** Appends an event the way the backend does (its event store, projections included). */
  append(tenantId: string, stream: { type: string; id: string }, type: string, payload: Record<string, unknown>, occurredAt: Date): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real backend (demo tenants and their generated history, billing mounted and migrated) on a
 * fresh database of `kind`. The cutoff of a close is the clock itself (no settle delay), so an
 * event appended just before a close is on it.
 */
export async function startBillingEnv(kind: DatabaseKind, opts: TestRuntimeOptions = {}): Promise<BillingTestEnv> {
  const pg: TestDatabase | undefined = kind === 'postgres' ? await openTestDatabase('postgres') : undefined;
  const runtime = await startTestRuntime({
    ...opts,
    ...(pg?.url ? { databaseUrl: pg.url } : {}),
    env: { VOZ_ADMIN_TOKEN: ADMIN_TOKEN, ...opts.env },
    overrides: { billingSettleMs: 0, ...opts.overrides },
  });
  const db = runtime.database.db as unknown as Kysely<BillingDatabase>;
  const sessions = new Map<string, Promise<{ cookie: string }>>();
  return {
    runtime,
    db,
    ...(pg?.url ? { url: pg.url } : {}),
    billing: (over = {}) =>
      createBilling({
        db,
        events: usageEventSource(runtime.database.db),
        tenants: tenantDirectory(runtime.core.tenants),
        appender: billingAppender(runtime.core.events),
        jobs: runtime.core.jobs,
        log: silentLog,
        settleMs: 0,
        ...over,
      }),
    ownerSession(tenant) {
      let s = sessions.get(tenant);
      if (!s) {
        s = signIn(runtime, DEMO_OWNERS.find((o) => o.tenantId === tenant)!);
        sessions.set(tenant, s);
      }
      return s;
    },
    async secondInstanceDb() {
      if (!pg?.url) return db;
      return (await openDatabase({ databaseUrl: pg.url, poolSize: 2 })).db as unknown as Kysely<BillingDatabase>;
    },
    async append(tenantId, stream, type, payload, occurredAt) {
      await runtime.core.events.append({ tenantId, stream, expectedVersion: 'any', events: [{ type, payload, occurredAt }] });
    },
    async close() {
      await runtime.close();
      await pg?.close();
    },
  };
}

async function signIn(runtime: Runtime, credentials: { email: string; password: string }): Promise<{ cookie: string }> {
  const res = await runtime.app.inject({ method: 'POST', url: '/api/auth/login', payload: credentials });
  if (res.statusCode !== 200) throw new Error(`demo sign-in failed: ${res.statusCode} ${res.body}`);
  const c = res.cookies.find((x) => x.name.endsWith('voz_session'));
  if (!c) throw new Error('no session cookie in the sign-in response');
  return { cookie: `${c.name}=${c.value}` };
}
