import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { CallControlSettingsSource } from '../calls/call-control-settings.js';
import type { Config } from '../config/load-config.js';
import { startServer, type Runtime } from '../main.js';

export interface TestRuntimeOptions {
  /** Extra environment (contract §2 names), merged over a quiet default. */
  env?: Record<string, string>;
  /** Listen on an ephemeral port (for WebSocket / simulator tests). Default: inject only. */
  listen?: boolean;
  /** PostgreSQL URL (from openTestDatabase); default: in-memory PGlite. */
  databaseUrl?: string;
  worker?: boolean;
  /** Transfer numbers, hours, block list and cap per call (default: the demo-backed source). */
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
  const runtime = await startServer({
    env,
    listen: opts.listen ?? false,
    worker: opts.worker ?? false,
    ...(opts.overrides ? { overrides: opts.overrides } : {}),
    logger: opts.logSink ? pino({ level: env.LOG_LEVEL ?? 'info' }, lineSink(opts.logSink)) : pino({ level: env.LOG_LEVEL ?? 'silent' }),
    ...(opts.callControlSettings ? { callControlSettings: opts.callControlSettings } : {}),
  });
  return runtime;
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
