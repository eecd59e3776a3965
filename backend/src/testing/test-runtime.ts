import pino from 'pino';
import { startServer, type Runtime } from '../main.js';

export interface TestRuntimeOptions {
  /** Extra environment (contract §2 names), merged over a quiet default. */
  env?: Record<string, string>;
  /** Listen on an ephemeral port (for WebSocket / simulator tests). Default: inject only. */
  listen?: boolean;
  /** PostgreSQL URL (from openTestDatabase); default: in-memory PGlite. */
  databaseUrl?: string;
  worker?: boolean;
}

/** The real server, as `npm start` composes it, on a throwaway database. */
export async function startTestRuntime(opts: TestRuntimeOptions = {}): Promise<Runtime> {
  const env: NodeJS.ProcessEnv = {
    PORT: '0',
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
  });
  return runtime;
}
