import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAccessCodes } from '../demo/access-codes.js';
import { seedDemoTenants } from '../demo/tenants.js';
import type { Runtime } from '../main.js';
import { KeyedHasher } from '../tenancy/access-hash.js';
import { loadServerSecret } from '../tenancy/access-secret.js';
import { startDatabaseOutage } from '../testing/database-outage.js';
import { twilioPost } from '../testing/phone-runtime.js';
import { fakeSpeech, RealtimeFake, type FakeRealtimeConnection } from '../testing/realtime-fake/index.js';
import { openRuntimeTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/test-db.js';
import { startTestRuntime } from '../testing/test-runtime.js';
import { placeCall, SimPhone } from '../testing/twilio-sim/index.js';
import { sleep, until } from '../testing/twilio-sim/waits.js';

const BOOT_TIMEOUT_MS = 180_000;
const DEDICATED = '+15550100001';
const CALLS = 3;
const OUTAGE_MS = 3000;

/**
 * Fault: the database goes away for a few seconds while calls are in progress.
 * What the caller hears: the call goes on, both ways, as if nothing happened.
 * What is recorded: each call's end (status callback) and record (voice) are kept in memory and
 * written, once each and in order, when the database returns — counted here.
 */
describe.each(testDatabaseKinds())('fault: database away mid-call (%s)', (kind) => {
  let runtime: Runtime;
  let fake: RealtimeFake;
  let pg: TestDatabase | undefined;
  const logs: string[] = [];

  beforeAll(async () => {
    fake = await RealtimeFake.start();
    if (kind === 'postgres') pg = await openRuntimeTestDatabase('postgres', false);
    runtime = await startTestRuntime({
      listen: true,
      env: { OPENAI_API_KEY: 'test', OPENAI_REALTIME_URL: fake.url, VOZ_SEED_DEMO: '0', LOG_LEVEL: 'info' },
      ...(pg?.url ? { databaseUrl: pg.url } : {}),
      logSink: (line) => logs.push(line),
    });
    const { events, db, config } = runtime.core;
    await seedDemoTenants(events);
    await seedDemoAccessCodes(events, new KeyedHasher(await loadServerSecret(db, config.secret)));
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await runtime?.close();
    await fake?.close();
    await pg?.close();
  });

  const connectCall = async () => {
    const placed = await placeCall({ baseUrl: runtime.url!, to: DEDICATED });
    const index = fake.connections.length;
    const phone = await SimPhone.connect({ url: placed.stream!.url, parameters: placed.stream!.parameters, callSid: placed.callSid });
    const rt = await fake.connection(index);
    await rt.waitFor('session.update');
    return { callSid: placed.callSid, phone, rt };
  };
  const converse = async (rt: FakeRealtimeConnection, phone: SimPhone) => {
    const heard = phone.audioReceived().length;
    const ids = rt.startResponse();
    await rt.streamAudio(ids, fakeSpeech(200));
    rt.endResponse(ids);
    const sent = rt.inputAudio().length;
    await phone.say(fakeSpeech(200), { realtime: false });
    await until(() => phone.audioReceived().length >= heard + 1600, 5000, 'the caller hears the assistant during the outage');
    await until(() => rt.inputAudio().length >= sent + 1600, 5000, 'the model hears the caller during the outage');
  };
  const count = (event: string) => logs.filter((l) => l.includes(`"event":"${event}"`)).length;

  it('calls continue while the database is away; every end-of-call event is kept, then written once', async () => {
    const calls = [];
    for (let i = 0; i < CALLS; i++) calls.push(await connectCall());
    const outage = await startDatabaseOutage(kind, { ...(pg?.url ? { databaseUrl: pg.url } : {}), events: runtime.core.events });
    const outageStarted = performance.now();
    try {
      for (const c of calls) await converse(c.rt, c.phone);
      for (const c of calls) {
        c.phone.hangUp();
        await c.phone.closed();
        const status = { CallSid: c.callSid, AccountSid: 'AC00000000000000000000000000000000', From: '+15555550123', To: DEDICATED, CallStatus: 'completed', CallDuration: '7' };
        const res = await runtime.app.inject(twilioPost(runtime.config.publicBaseUrl, '/twilio/status', status));
        expect(res.statusCode, 'the status callback is answered even while the database is away').toBe(204);
      }
      await until(() => count('call_event_kept') === 2 * CALLS, 5000, 'every call.recorded and call.ended kept');
      await sleep(OUTAGE_MS - (performance.now() - outageStarted));
    } finally {
      await outage.end();
    }
    await until(() => count('call_events_flushed') === CALLS, 15_000, 'kept events written after the database returned');
    expect(count('call_event_lost'), 'no call event given up').toBe(0);
    for (const c of calls) {
      const types = (await runtime.core.events.readStream({ type: 'call', id: c.callSid })).map((e) => e.type);
      expect(types.filter((t) => t === 'call.recorded'), `${c.callSid}: its record, once`).toHaveLength(1);
      expect(types.filter((t) => t === 'call.ended'), `${c.callSid}: its end, once`).toHaveLength(1);
      const row = await runtime.core.db.selectFrom('calls').selectAll().where('call_sid', '=', c.callSid).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'completed', duration_seconds: 7, end_reason: 'twilio_stop' });
    }
  }, 60_000);
});
