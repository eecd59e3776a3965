import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { composeCallPath } from './compose/call-path.js';
import { composeCore, type Core, type CoreOptions } from './compose/core.js';
import { appMounts } from './compose/http.js';
import { moduleMigrations } from './compose/migrations.js';
import { ConfigError, loadConfig, type Config } from './config/load-config.js';
import { callControlSettingsOf, type CallControlSettingsSource } from './calls/call-control-settings.js';
import { seedDemo } from './demo/seed.js';
import { loadFeatures, type FeatureRegistry } from './features/registry.js';
import { buildApp } from './server/app.js';
import { BootListener } from './server/boot-listener.js';
import { drainAll, type Drainable } from './server/drain.js';
import type { OutboxWorker } from './notifications/index.js';
import { openDatabase, type DatabaseHandle } from './storage/database.js';
import { JobWorker } from './storage/jobs.js';
import { migrateToLatest } from './storage/migrate.js';
import { createStorageMetrics } from './storage/storage-metrics.js';
import { KeyedHasher } from './tenancy/access-hash.js';
import { loadServerSecret } from './tenancy/access-secret.js';

export interface Runtime {
  config: Config;
  log: Logger;
  database: DatabaseHandle;
  registry: FeatureRegistry;
  /** Event store, jobs, reads, router and each feature's ports over this runtime's database. */
  core: Core;
  app: FastifyInstance;
  worker: JobWorker;
  /** Delivers the notifications outbox (SMS, email, webhooks); stopped with the job worker. */
  outbox: OutboxWorker;
  /** Prometheus registry served at /metrics; modules register their metrics here. */
  metrics: Registry;
  /** The address it listens on (when listening). */
  url?: string;
  /** Work to let finish on shutdown (e.g. active calls), within `config.shutdownDrainMs`. */
  addDrainable(d: Drainable): void;
  /** Graceful: stop accepting, drain up to `shutdownDrainMs`, stop jobs, close the DB. Idempotent. */
  close(): Promise<void>;
  /**
   * Settles (after a fatal log line) if the runtime can no longer work: the embedded database's
   * thread ended. `main()` then drains and exits 1, for the supervisor to restart it.
   */
  failed: Promise<Error>;
}

/** After the last calls end at shutdown, how long their records may take to land. */
const CALL_EVENTS_FLUSH_MS = 5_000;

/** The built web UI; the same relative place from backend/src and backend/dist. */
const WEBUI_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../webui/out');

export interface StartOptions {
  /** The environment to configure from (default: the process's). */
  env?: NodeJS.ProcessEnv;
  /** Overrides applied after parsing (tests: `{ dataDir: 'memory://' }`). */
  overrides?: Partial<Config>;
  listen?: boolean;
  logger?: Logger;
  /** Run the job worker and the outbox worker (default true). */
  worker?: boolean;
  /** The outbox worker's poll period and limits (tests). */
  outbox?: CoreOptions['outbox'];
  /** Every part's time (tests move it by hand: backoff, quiet hours); default: the system clock. */
  clock?: CoreOptions['clock'];
  /** Per-call transfer numbers, hours, block list and cap; default: the tenant's settings (tests replace it). */
  callControlSettings?: CallControlSettingsSource;
  /** An open database to run on instead of the configured one (tests: restored from a snapshot); closed with the runtime. */
  database?: DatabaseHandle;
}

/**
 * The composition root: config → database → (health served at once) → migrations → core →
 * demo seed → the phone path → app → worker. Every route is registered once, with its
 * dependencies complete; nothing else lives here.
 */
export async function startServer(opts: StartOptions = {}): Promise<Runtime> {
  const config = Object.freeze({ ...loadConfig(opts.env), ...opts.overrides }) as Config;
  const log = opts.logger ?? pino({ level: config.logLevel, base: { svc: 'vozlia' } });
  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics });
  const storageMetrics = createStorageMetrics(metrics);

  const database = opts.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  // Listening before migrating: /healthz answers at once, /readyz and the rest 503 until ready.
  const listener = opts.listen === false ? undefined : new BootListener(metrics);
  try {
    const url = listener ? await listener.listen(config.port, config.host) : undefined;
    const registry = await loadFeatures();
    const core = composeCore(database, registry, { config, log, storageMetrics, ...(opts.outbox ? { outbox: opts.outbox } : {}), ...(opts.clock ? { clock: opts.clock } : {}) });
    await migrateToLatest(database.db, moduleMigrations(registry));
    // The analytic views change only by migration: read their catalog once, here.
    await core.analytics.catalog.refresh();
    const hasher = new KeyedHasher(await loadServerSecret(database.db, config.secret));
    if (config.seedDemo) await seedDemo(core, registry, hasher);
    const callPath = await composeCallPath(core, { hasher, metrics, callControlSettings: opts.callControlSettings ?? callControlSettingsOf });

    let accepting = true;
    const app = await buildApp({
      log,
      metrics,
      adminToken: config.adminToken,
      isReady: async () => accepting && (await database.db.selectFrom('tenants').select('id').limit(1).execute().then(() => true)),
      accepting: () => accepting,
      mounts: appMounts(core, callPath),
      webuiDir: WEBUI_DIR,
      ...(listener ? { serverFactory: listener.serverFactory } : {}),
    });
    await app.ready();
    listener?.handOver();
    const worker = new JobWorker(database.db, core.jobHandlers(), { log, metrics: storageMetrics });
    // Month-end closes are jobs: each billed tenant's current period, whichever instance starts.
    await core.billing.scheduleMonthEnds();
    await core.scheduleHousekeeping();
    const outbox = core.notifications.worker(core.events);
    if (opts.worker !== false) {
      worker.start();
      outbox.start();
    }

    // A PGlite crash leaves a process that answers /healthz but can store nothing: say so loudly.
    const failed = (database.lost ?? new Promise<never>(() => undefined)).then((err) => {
      log.fatal({ event: 'database_lost', err }, 'the embedded database stopped: nothing can be stored until a restart');
      return err;
    });
    const drainables: Drainable[] = [{ name: 'calls', drain: () => callPath.activeCalls.idle() }];
    let closing: Promise<void> | undefined;
    return {
      config,
      log,
      database,
      registry,
      core,
      app,
      worker,
      outbox,
      metrics,
      ...(url ? { url } : {}),
      addDrainable: (d) => void drainables.push(d),
      failed,
      close() {
        closing ??= (async () => {
          // Not ready: the balancer moves away, and new requests / media streams get 503.
          accepting = false;
          // Stop accepting connections; open ones (calls) keep going while they drain.
          if (app.server.listening) app.server.close(() => undefined);
          // The outbox worker finishes its batch in hand (a crash mid-send is the README table).
          const [outcome] = await Promise.all([drainAll(drainables, config.shutdownDrainMs), worker.stop(), outbox.stop()]);
          if (outcome.timedOut.length || outcome.failed.length) log.warn(outcome, 'shutdown drain incomplete');
          core.notifications.close();
          await app.close();
          // Calls ended by the close hand in their records now: let them land (or be reported).
          const flushed = await drainAll([{ name: 'call_events', drain: () => callPath.callEvents.idle() }], CALL_EVENTS_FLUSH_MS);
          if (flushed.timedOut.length) log.error({ event: 'call_events_unwritten', ...callPath.callEvents.stats }, 'shutdown: call events not written');
          await database.close();
        })();
        return closing;
      },
    };
  } catch (err) {
    await listener?.close();
    await database.close().catch(() => undefined);
    throw err;
  }
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
  const stop = async (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    runtime.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), runtime.config.shutdownDrainMs + 5000).unref();
    await runtime.close();
    clearTimeout(force);
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // Live calls need no database: they finish (within the drain) before the process exits.
  void runtime.failed.then(() => stop('database_lost', 1));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  void main();
}
