import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAccessCodes } from '../demo/access-codes.js';
import { seedDemoTenants } from '../demo/tenants.js';
import { KeyedHasher } from '../tenancy/access-hash.js';
import { loadServerSecret } from '../tenancy/access-secret.js';
import type { Runtime } from '../main.js';
import { LOCKED_OUT_GOODBYE } from '../telephony/twiml.js';
import { twilioPost } from '../testing/phone-runtime.js';
import { openRuntimeTestDatabase, openTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/test-db.js';
import { startTestRuntime } from '../testing/test-runtime.js';
import { randomCallSid } from '../testing/twilio-sim/index.js';
import { readTwiml } from '../testing/twilio-sim/twiml.js';

const BOOT_TIMEOUT_MS = 240_000;
const SHARED_LINE = '+15550109999';
const ATTACKER = '+15557771234';
const BYSTANDER = '+15557775678';
const VALID_CODE = '11112222';
const MAX_FAILURES = 5;

const post = (rt: Runtime, path: string, params: Record<string, string>) => rt.app.inject(twilioPost(rt.config.publicBaseUrl, path, params));
let fromSeq = 0;

/** One call: arrive on `rt`, enter `digits` once; the TwiML step that follows. */
async function attempt(rt: Runtime, from: string, digits: string) {
  const base = { CallSid: randomCallSid(), AccountSid: 'AC00000000000000000000000000000000', From: from, To: SHARED_LINE, CallStatus: 'ringing', Direction: 'inbound' };
  const arrival = readTwiml((await post(rt, '/twilio/voice', base)).body);
  if (arrival.kind !== 'gather') return arrival;
  return readTwiml((await post(rt, '/twilio/gather', { ...base, CallStatus: 'in-progress', Digits: digits })).body);
}

describe.each(testDatabaseKinds())('security: near-miss access codes (%s)', (kind) => {
  let db: TestDatabase | undefined;
  let rt: Runtime;
  beforeAll(async () => {
    if (kind === 'postgres') db = await openRuntimeTestDatabase(kind, false);
    rt = await startTestRuntime({ ...(db?.url ? { databaseUrl: db.url } : {}), env: { OPENAI_API_KEY: 'sk-test', VOZ_SEED_DEMO: '0' } });
    const { events, db: kdb, config } = rt.core;
    await seedDemoTenants(events);
    await seedDemoAccessCodes(events, new KeyedHasher(await loadServerSecret(kdb, config.secret)));
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await rt?.close();
    await db?.close();
  });

  it.each(['1111222', '111122220', '011112222', '1111 2222', '11112222#', '*11112222', '+11112222', '１１１１２２２２', '11112222\n1', '0'.repeat(400)])(
    'entering %j is a failed try, never a partial or normalised match',
    async (digits) => {
      const step = await attempt(rt, `+1555888${String(++fromSeq).padStart(4, '0')}`, digits);
      expect(step.kind, `a near-miss code (${JSON.stringify(digits)}) must not pass the gate`).toBe('gather');
    },
  );

  it('the exact code passes (the near misses above failed on their own merits)', async () => {
    expect((await attempt(rt, '+15558889999', VALID_CODE)).kind).toBe('stream');
  });
});

/**
 * Access-code brute force against two instances behind one load balancer: the lockout lives in
 * PostgreSQL, so alternating instances buys the attacker nothing. PostgreSQL only (two processes
 * cannot share a PGlite); it runs wherever TEST_DATABASE_URL is set, as CI sets it.
 */
describe.each(testDatabaseKinds().filter((k) => k === 'postgres'))('security: access-code brute force across two instances on one %s', (kind) => {
  let db: TestDatabase;
  let a: Runtime;
  let b: Runtime;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    const env = { OPENAI_API_KEY: 'sk-test', VOZ_GATE_MAX_FAILURES: String(MAX_FAILURES), VOZ_GATE_WINDOW_MINUTES: '15', VOZ_GATE_LOCKOUT_MINUTES: '15' };
    a = await startTestRuntime({ databaseUrl: db.url!, env });
    b = await startTestRuntime({ databaseUrl: db.url!, env: { ...env, VOZ_SEED_DEMO: '0' } });
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.close();
  });

  it('locks the caller out on both instances after failures spread across them; the right code no longer helps; others are unaffected', async () => {
    for (let i = 0; i < MAX_FAILURES - 1; i++) {
      const step = await attempt(i % 2 ? b : a, ATTACKER, String(90000000 + i));
      expect(step.kind, `wrong code ${i + 1} of ${MAX_FAILURES} is only a re-prompt`).toBe('gather');
    }
    const last = await attempt(b, ATTACKER, '90000099');
    expect(last, `failure ${MAX_FAILURES} (on the other instance) locks the caller out`).toEqual({ kind: 'hangup', said: [LOCKED_OUT_GOODBYE] });
    for (const rt of [a, b]) {
      expect(await attempt(rt, ATTACKER, VALID_CODE), 'a locked-out caller is refused even with a valid code, on every instance').toEqual({ kind: 'hangup', said: [LOCKED_OUT_GOODBYE] });
    }
    const bystander = await attempt(a, BYSTANDER, VALID_CODE);
    expect(bystander.kind, 'another caller is not locked out by the attack').toBe('stream');
  }, 60_000);

  it('failures raced from both instances at once still lock after the limit, never later', async () => {
    const racer = '+15557779999';
    const steps = await Promise.all(Array.from({ length: MAX_FAILURES + 3 }, (_, i) => attempt(i % 2 ? b : a, racer, String(91000000 + i))));
    expect(steps.some((s) => s.kind === 'hangup'), 'some attempt in the burst meets the lockout').toBe(true);
    for (const rt of [a, b]) expect(await attempt(rt, racer, VALID_CODE), 'locked after a concurrent burst').toEqual({ kind: 'hangup', said: [LOCKED_OUT_GOODBYE] });
  }, 60_000);
});
