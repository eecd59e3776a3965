import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { CallControlSettingsSource } from '../calls/call-control-settings.js';
import { loadConfig, type Config } from '../config/load-config.js';
import { startServer, type Runtime, type StartOptions } from '../main.js';
import type { DatabaseHandle } from '../storage/database.js';
import { openRuntimeTestDatabase } from './test-db.js';

export interface TestRuntimeOptions {
  /** Extra environment (contract §2 names), merged over a quiet default. */
  env?: Record<string, string>;
  /** Listen on an ephemeral port (for WebSocket / simulator tests). Default: inject only. */
  listen?: boolean;
  /** PostgreSQL URL (from openTestDatabase); default: in-memory PGlite. */
  databaseUrl?: string;
  worker?: boolean;
  /** Transfer numbers, hours, block list and cap per call (default: the tenant's settings). */
  callControlSettings?: CallControlSettingsSource;
  /** Config values no variable sets (e.g. `billingSettleMs`), applied after parsing. */
  overrides?: Partial<Config>;
  /** Receives every log line (pino JSON) instead of dropping them. */
  logSink?: (line: string) => void;
}

/** The real server, as `npm start` composes it, on a throwaway database. */
export async function startTestRuntime(opts: TestRuntimeOptions = {}): Promise<Runtime> {
  // PUBLIC_BASE_URL must name the real port (signatures and stream URLs use it), so pick one first.
  const port = opts.listen ? await freePort() : 0;
  const env: NodeJS.ProcessEnv = {
    PORT: String(port),
    ...(opts.listen ? { PUBLIC_BASE_URL: `http://127.0.0.1:${port}` } : {}),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    VOZ_DATA_DIR: 'memory://',
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
    ...opts.env,
  };
  return startWithSnapshot(env, {
    listen: opts.listen ?? false,
    worker: opts.worker ?? false,
    ...(opts.overrides ? { overrides: opts.overrides } : {}),
    logger: opts.logSink ? pino({ level: env.LOG_LEVEL ?? 'info' }, lineSink(opts.logSink)) : pino({ level: env.LOG_LEVEL ?? 'silent' }),
    ...(opts.callControlSettings ? { callControlSettings: opts.callControlSettings } : {}),
  });
}

/**
 * `startServer` as given, but an in-memory PGlite runtime starts from the cached migrated (and
 * seeded) database instead of an empty one: the same rows a first start writes, without
 * initdb, migrations and the demo seed each time. The start still migrates and seeds (nothing
 * left to do) and makes its own server secret and access codes, as any restart would.
 */
export async function startWithSnapshot(env: NodeJS.ProcessEnv, opts: Omit<StartOptions, 'env' | 'database'>): Promise<Runtime> {
  const database = await snapshotDatabase(env, opts);
  try {
    return await startServer({ env, ...opts, ...(database ? { database } : {}) });
  } catch (err) {
    await database?.close().catch(() => undefined);
    throw err;
  }
}

async function snapshotDatabase(env: NodeJS.ProcessEnv, opts: Pick<StartOptions, 'overrides' | 'clock'>): Promise<DatabaseHandle | undefined> {
  const parsed = configOf(env);
  if (!parsed) return undefined;
  const config = { ...parsed, ...opts.overrides };
  if (config.databaseUrl || config.dataDir !== 'memory://') return undefined;
  return openRuntimeTestDatabase('pglite', config.seedDemo, opts.clock);
}

/** Whether a runtime started with `env` seeds the demo (for a PostgreSQL database opened beforehand). */
export function seedsDemo(env: NodeJS.ProcessEnv): boolean {
  return configOf({ VOZ_DATA_DIR: 'memory://', ...env })?.seedDemo ?? false;
}

function configOf(env: NodeJS.ProcessEnv): Config | undefined {
  try {
    return loadConfig(env);
  } catch {
    return undefined; // a bad environment: startServer reports it
  }
}

function lineSink(onLine: (line: string) => void): Writable {
  return new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const line of chunk.toString().split('\n')) if (line) onLine(line);
      cb();
    },
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
