/**
 * The full product for the bench, as `npm start` composes it: `startServer` with embedded
 * PGlite in a temp dir, the job worker on, info logs through pino (to a file instead of
 * stdout, which carries the bench protocol), metrics, signed webhooks, and the text model
 * served by the generator (call summaries succeed, as they would in production).
 *
 * Every app run starts as a restart of the same database: the first run of a bench fills
 * `seededDir` from the tests' cached migrated + seeded dump (seeded-data.ts: PGlite's migrations
 * and seed take a minute on a loaded 2-core box), starts the app on it once with no calls (the
 * first start adds what each runtime makes itself: server secret, access codes, owners) and
 * closes it; each run then works on a copy. So no run inherits an earlier run's calls or their
 * after-call jobs, and the rounds are alike (the bench measures that work per call instead).
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

/** The generator serves the text model on the Realtime fake's port (generator.ts). */
function textModelUrl(realtimeUrl: string): string {
  const u = new URL(realtimeUrl);
  return `http://${u.host}/v1`;
}

async function startOn(dataDir: string, realtimeUrl: string, logFile: string) {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    VOZ_DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    OPENAI_API_KEY: 'sk-bench',
    OPENAI_REALTIME_URL: realtimeUrl,
    OPENAI_BASE_URL: textModelUrl(realtimeUrl),
    TWILIO_AUTH_TOKEN: APP_TWILIO_AUTH_TOKEN,
  };
  // `npm start` logs the same way to stdout; sync like pino's default destination.
  const logger = pino({ level: 'info', base: { svc: 'vozlia' } }, pino.destination({ dest: logFile, sync: true }));
  return { port, runtime: await startServer({ env, logger }) };
}

/** The restart state every run copies: the seeded dump after one call-free first start. */
async function firstStart(seededDir: string, realtimeUrl: string): Promise<void> {
  await prefillSeededDataDir(seededDir);
  const log = path.join(path.dirname(seededDir), 'first-start.log');
  const { runtime } = await startOn(seededDir, realtimeUrl, log);
  await runtime.close();
}

export async function startBenchApp(realtimeUrl: string, seededDir?: string): Promise<BenchApp> {
  const dir = mkdtempSync(path.join(tmpdir(), 'vozlia-bench-'));
  const logFile = path.join(dir, 'server.log');
  const dataDir = path.join(dir, 'data');
  if (seededDir === undefined) await firstStart(dataDir, realtimeUrl);
  else {
    if (!existsSync(seededDir) || readdirSync(seededDir).length === 0) await firstStart(seededDir, realtimeUrl);
    cpSync(seededDir, dataDir, { recursive: true });
  }
  const { port, runtime } = await startOn(dataDir, realtimeUrl, logFile);
  return {
    port,
    async close() {
      try {
        await runtime.close();
        const logLines = readFileSync(logFile, 'utf8').split('\n').filter(Boolean).length;
        console.error(`app: ${logLines} log lines written`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
