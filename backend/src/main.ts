import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { CatalogProvider } from './analytics/catalog-provider.js';
import { ConfigError, loadConfig, type Config } from './config/load-config.js';
import { loadFeatures, type FeatureRegistry } from './features/registry.js';
import type { FeaturePorts } from './features/types.js';
import { buildApp } from './server/app.js';
import { drainAll, type Drainable } from './server/drain.js';
import { openDatabase, type DatabaseHandle } from './storage/database.js';
import { EventStore } from './storage/event-store.js';
import { JobQueue, JobWorker } from './storage/jobs.js';
import { migrateToLatest } from './storage/migrate.js';
import { createStorageMetrics } from './storage/storage-metrics.js';
import { seedDemoTenants } from './tenancy/demo-tenants.js';
import { TenantRepository } from './tenancy/tenant-repository.js';
import { tenantsProjection } from './tenancy/tenants-projection.js';
import { callsProjection } from './calls/calls-projection.js';
import { accessCodesProjection } from './tenancy/access-codes-projection.js';
import { PhoneEntry } from './telephony/phone-entry.js';

export interface Runtime {
  config: Config;
  log: Logger;
  database: DatabaseHandle;
  registry: FeatureRegistry;
  ports: FeaturePorts;
  app: FastifyInstance;
  worker: JobWorker;
  /** Prometheus registry served at /metrics; modules register their metrics here. */
  metrics: Registry;
  /** The address it listens on (after `listen`). */
  url?: string;
  /** Work to let finish on shutdown (e.g. active calls), within `config.shutdownDrainMs`. */
  addDrainable(d: Drainable): void;
  /** Graceful: stop accepting, drain up to `shutdownDrainMs`, stop jobs, close the DB. Idempotent. */
  close(): Promise<void>;
}

/** The built web UI; the same relative place from backend/src and backend/dist. */
const WEBUI_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../webui/out');

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  /** Overrides applied after parsing (tests: `{ dataDir: 'memory://' }`). */
  overrides?: Partial<Config>;
  listen?: boolean;
  logger?: Logger;
  /** Run the job worker (default true). */
  worker?: boolean;
}

/** Composes config → database → registry → event store → app. Nothing else lives here. */
export async function startServer(opts: StartOptions = {}): Promise<Runtime> {
  const config = Object.freeze({ ...loadConfig(opts.env ?? process.env), ...opts.overrides }) as Config;
  const log = opts.logger ?? pino({ level: config.logLevel, base: { svc: 'vozlia' } });
  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics });
  const storageMetrics = createStorageMetrics(metrics);

  let ready = false;
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const { db } = database;
  const registry = await loadFeatures();

  const jobs = new JobQueue(db);
  const clock = () => new Date();
  const events = new EventStore(
    db,
    [tenantsProjection, accessCodesProjection, callsProjection, ...registry.features.flatMap((f) => f.projections ?? [])],
    registry.features.flatMap((f) => f.reactors?.({ jobs, clock }) ?? []),
    storageMetrics,
  );
  const catalog = new CatalogProvider(db);
  const ports: FeaturePorts = { db, events, jobs, clock, config, log, catalog };
  const tenants = new TenantRepository(db);
  const phone = new PhoneEntry({ registry, ports, tenants, metrics, log });
  const worker = new JobWorker(db, Object.assign({}, ...registry.features.map((f) => f.jobs?.(ports) ?? {})), { log, metrics: storageMetrics });

  // The app serves /healthz at once; /readyz (and everything that needs the schema) waits for
  // migrations and the demo seed below.
  const app = await buildApp({
    config,
    log,
    metrics,
    registry,
    ports,
    tenants,
    started: () => ready,
    isReady: async () => ready && (await db.selectFrom('tenants').select('id').limit(1).execute().then(() => true)),
    webuiDir: WEBUI_DIR,
    phone: phone.plugin,
  });
  const drainables: Drainable[] = [{ name: 'calls', drain: () => phone.drain() }];
  let closing: Promise<void> | undefined;
  const runtime: Runtime = {
    config,
    log,
    database,
    registry,
    ports,
    app,
    worker,
    metrics,
    addDrainable: (d) => void drainables.push(d),
    close() {
      closing ??= (async () => {
        // Not ready: the balancer moves away, and new requests / media streams get 503.
        ready = false;
        // Stop accepting connections; open ones (calls) keep going while they drain.
        if (app.server.listening) app.server.close(() => undefined);
        const [outcome] = await Promise.all([drainAll(drainables, config.shutdownDrainMs), worker.stop()]);
        if (outcome.timedOut.length || outcome.failed.length) log.warn(outcome, 'shutdown drain incomplete');
        await app.close();
        await database.close();
      })();
      return closing;
    },
  };
  if (opts.listen !== false) runtime.url = await app.listen({ port: config.port, host: config.host });

  try {
    const featureMigrations = Object.assign({}, ...registry.features.map((f) => f.migrations ?? {}));
    await migrateToLatest(db, featureMigrations);
    // The analytic views change only by migration: read their catalog once, here.
    await catalog.refresh();
    if (config.seedDemo) {
      await seedDemoTenants(events);
      for (const f of registry.features) await f.seedDemo?.(ports);
    }
    await phone.start();
  } catch (err) {
    await runtime.close().catch(() => undefined);
    throw err;
  }
  if (opts.worker !== false) worker.start();
  ready = true;
  return runtime;
}

async function main(): Promise<void> {
  let runtime: Runtime;
  try {
    runtime = await startServer();
  } catch (err) {
    // One clear line, no stack trace: configuration problems are the operator's to fix.
    if (err instanceof ConfigError) {
      console.error(`config error: ${err.message}`);
      process.exit(1);
    }
    console.error(`start failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  runtime.log.info({ url: runtime.url }, 'vozlia listening');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    runtime.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), runtime.config.shutdownDrainMs + 5000).unref();
    await runtime.close();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  void main();
}
