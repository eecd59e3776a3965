/**
 * The full product for the bench, as `npm start` composes it: `startServer` with embedded
 * PGlite in a temp dir, the job worker on, info logs through pino (to a file instead of
 * stdout, which carries the bench protocol), metrics, signed webhooks. The first app run of a
 * bench starts on the tests' cached migrated + seeded dump (seeded-data.ts: PGlite's migrations
 * and seed take a minute on a loaded 2-core box), finishes the first start and leaves its data
 * dir in `seededDir`; later runs start from a copy of it, as `npm start` restarts on an existing
 * database.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startServer } from '../../backend/src/main.js';
import { freePort } from '../../backend/src/testing/test-runtime.js';
import { APP_TWILIO_AUTH_TOKEN } from './app-call.js';
import { prefillSeededDataDir } from './seeded-data.js';

export interface BenchApp {
  port: number;
  close(): Promise<void>;
}

export async function startBenchApp(realtimeUrl: string, seededDir?: string): Promise<BenchApp> {
  const dir = mkdtempSync(path.join(tmpdir(), 'vozlia-bench-'));
  const logFile = path.join(dir, 'server.log');
  const dataDir = path.join(dir, 'data');
  const seeded = seededDir !== undefined && existsSync(seededDir) && readdirSync(seededDir).length > 0;
  if (seeded) cpSync(seededDir, dataDir, { recursive: true });
  else await prefillSeededDataDir(dataDir);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    VOZ_DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    OPENAI_API_KEY: 'sk-bench',
    OPENAI_REALTIME_URL: realtimeUrl,
    // Nothing on this box answers for the text model: jobs that need it fail fast instead of hanging.
    OPENAI_BASE_URL: 'http://127.0.0.1:9',
    TWILIO_AUTH_TOKEN: APP_TWILIO_AUTH_TOKEN,
  };
  // `npm start` logs the same way to stdout; sync like pino's default destination.
  const logger = pino({ level: 'info', base: { svc: 'vozlia' } }, pino.destination({ dest: logFile, sync: true }));
  const runtime = await startServer({ env, logger });
  return {
    port,
    async close() {
      try {
        await runtime.close();
        const logLines = readFileSync(logFile, 'utf8').split('\n').filter(Boolean).length;
        console.error(`app: ${logLines} log lines written${seeded ? '' : ' (first start, on the seeded dump)'}`);
        if (seededDir !== undefined && !seeded) cpSync(dataDir, seededDir, { recursive: true });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
