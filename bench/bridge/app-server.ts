/**
 * The full product for the bench, as `npm start` composes it: `startServer` with embedded
 * PGlite in a temp dir, the job worker on, info logs through pino (to a file instead of
 * stdout, which carries the bench protocol), metrics, signed webhooks, and the text model
 * served by the generator (call summaries succeed, as they would in production).
 *
 * Every app run starts as a restart of the same database: before the runs, prepare-app.ts fills
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

/**
 * The restart state every run copies: the seeded dump after one call-free first start. Made in
 * a process of its own (prepare-app.ts) before any run: a measured server that first started and
 * closed the app in its own process carried that instance's leftovers (heap, the embedded
 * database's memory) into its window.
 */
export async function prepareRestartState(seededDir: string): Promise<void> {
  await prefillSeededDataDir(seededDir);
  const log = path.join(path.dirname(seededDir), 'first-start.log');
  // No call is placed: the Realtime URL is only configuration here.
  const { runtime } = await startOn(seededDir, 'ws://127.0.0.1:9/v1/realtime', log);
  await runtime.close();
}

/** True once `prepareRestartState` has filled `seededDir`. */
export function restartStateReady(seededDir: string): boolean {
  return existsSync(seededDir) && readdirSync(seededDir).length > 0;
}

export async function startBenchApp(realtimeUrl: string, seededDir?: string): Promise<BenchApp> {
  if (seededDir === undefined || !restartStateReady(seededDir)) throw new Error(`no restart state in ${seededDir}: run prepare-app.ts first`);
  const dir = mkdtempSync(path.join(tmpdir(), 'vozlia-bench-'));
  const logFile = path.join(dir, 'server.log');
  const dataDir = path.join(dir, 'data');
  cpSync(seededDir, dataDir, { recursive: true });
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
