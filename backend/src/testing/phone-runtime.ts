import { Writable } from 'node:stream';
import pino from 'pino';
import twilio from 'twilio';
import type { DatabaseKind } from '../storage/database.js';
import { openRuntimeTestDatabase, type TestDatabase } from './test-db.js';
import { freePort, seedsDemo, startWithSnapshot } from './test-runtime.js';
import type { Runtime } from '../main.js';

/** The whole server boots (migrations + every feature's demo seed): slow on a loaded machine. */
export const BOOT_TIMEOUT_MS = 180_000;

/** Test support: the real server (as `startTestRuntime` composes it) with captured pino output. */
export interface PhoneTestRuntime {
  runtime: Runtime;
  logs: string[];
  baseUrl: string;
  close(): Promise<void>;
}

export async function startPhoneRuntime(kind: DatabaseKind, env: Record<string, string>, opts: { listen?: boolean } = {}): Promise<PhoneTestRuntime> {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(...chunk.toString().split('\n').filter(Boolean));
      cb();
    },
  });
  let db: TestDatabase | undefined;
  if (kind === 'postgres') db = await openRuntimeTestDatabase('postgres', seedsDemo(env));
  const port = opts.listen ? await freePort() : 0;
  const runtime = await startWithSnapshot(
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      VOZ_DATA_DIR: 'memory://',
      ...(opts.listen ? { PUBLIC_BASE_URL: `http://127.0.0.1:${port}` } : {}),
      ...(db?.url ? { DATABASE_URL: db.url } : {}),
      ...env,
    },
    { listen: opts.listen ?? false, worker: false, logger: pino({ level: 'info' }, sink) },
  );
  return {
    runtime,
    logs,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await runtime.close();
      if (db) await db.close().catch(() => undefined);
    },
  };
}

/** A form post as Twilio sends it, signed for `publicBaseUrl` + path when a token is given. */
export function twilioPost(publicBaseUrl: string, path: string, params: Record<string, string>, authToken?: string, forge = false) {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (authToken) {
    const sig = twilio.getExpectedTwilioSignature(authToken, `${publicBaseUrl}${path}`, params);
    headers['x-twilio-signature'] = forge ? `${sig.slice(0, -4)}AAA=` : sig;
  }
  return { method: 'POST' as const, url: path, headers, payload: new URLSearchParams(params).toString() };
}
