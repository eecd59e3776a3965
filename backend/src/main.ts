import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { ConfigError, loadConfig, type Config } from './config/load-config.js';
import { loadFeatures, type FeatureRegistry } from './features/registry.js';
import type { FeaturePorts } from './features/types.js';
import { buildApp } from './server/app.js';
import { openDatabase, type DatabaseHandle } from './storage/database.js';
import { EventStore } from './storage/event-store.js';
import { JobQueue, JobWorker } from './storage/jobs.js';
import { migrateToLatest } from './storage/migrate.js';
import { seedDemoTenants } from './tenancy/demo-tenants.js';
import { TenantRepository } from './tenancy/tenant-repository.js';
import { tenantsProjection } from './tenancy/tenants-projection.js';

export interface Runtime {
  config: Config;
  log: Logger;
  database: DatabaseHandle;
  registry: FeatureRegistry;
  ports: FeaturePorts;
  app: FastifyInstance;
  worker: JobWorker;
  /** The address it listens on (after `listen`). */
  url?: string;
  close(): Promise<void>;
}

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

  let ready = false;
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const { db } = database;
  const registry = await loadFeatures();

  const jobs = new JobQueue(db);
  const clock = () => new Date();
  const events = new EventStore(
    db,
    [tenantsProjection, ...registry.features.flatMap((f) => f.projections ?? [])],
    registry.features.flatMap((f) => f.reactors?.({ jobs, clock }) ?? []),
  );
  const ports: FeaturePorts = { db, events, jobs, clock, config, log };
  const tenants = new TenantRepository(db);
  const worker = new JobWorker(db, Object.assign({}, ...registry.features.map((f) => f.jobs?.(ports) ?? {})), { log });

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
  });
  const runtime: Runtime = {
    config,
    log,
    database,
    registry,
    ports,
    app,
    worker,
    async close() {
      ready = false;
      await app.close();
      await worker.stop();
      await database.close();
    },
  };
  if (opts.listen !== false) runtime.url = await app.listen({ port: config.port, host: config.host });

  try {
    const featureMigrations = Object.assign({}, ...registry.features.map((f) => f.migrations ?? {}));
    await migrateToLatest(db, featureMigrations);
    if (config.seedDemo) {
      await seedDemoTenants(events);
      for (const f of registry.features) await f.seedDemo?.(ports);
    }
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
