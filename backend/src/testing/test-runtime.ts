import { createServer } from 'node:net';
import pino from 'pino';
import type { CallControlSettingsSource } from '../calls/call-control-settings.js';
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
    logger: pino({ level: env.LOG_LEVEL ?? 'silent' }),
    ...(opts.callControlSettings ? { callControlSettings: opts.callControlSettings } : {}),
  });
  return runtime;
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
