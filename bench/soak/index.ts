/**
 * Soak: a steady call load through the whole app as `npm start` composes it (demo tenants, gate,
 * tools, notifications with the job worker), against the Realtime and Twilio REST fakes; reports
 * RSS and handle growth per call between a warmed-up start and the end.
 *   node --conditions=vozlia-source --import tsx bench/soak/index.ts [--soak 600] [--concurrency 4]
 * Default 20 s (a smoke run inside `npm run bench`); the closing figures come from `--soak 600`.
 */
import { parseArgs } from 'node:util';
import { RealtimeFake } from '../../backend/src/testing/realtime-fake/index.js';
import { startTestRuntime } from '../../backend/src/testing/test-runtime.js';
import { TwilioRestFake } from '../../backend/src/testing/twilio-rest-fake.js';
import { placeCall, SimPhone } from '../../backend/src/testing/twilio-sim/index.js';
import { recordFigure } from '../summary.js';

const { values } = parseArgs({ strict: false, options: { soak: { type: 'string', default: '20' }, concurrency: { type: 'string', default: '4' } } });
const SECONDS = Number(values.soak);
const CONCURRENCY = Number(values.concurrency);
const WARMUP_CALLS = 8;
const AUTH = 'soak-twilio-auth-token';
const SHARED_LINE = '+15550109999';
const RESTAURANT_LINE = '+15550100001';
/** Targets: nothing grows per call beyond noise (a leak of one socket or buffer per call shows). */
const TARGET_RSS_KIB_PER_CALL = 64;
const TARGET_HANDLES_PER_CALL = 0.02;
/** Shorter runs are a smoke test: heap not yet collected and jobs in flight swamp the growth. */
const JUDGED_FROM_SECONDS = 300;

/** Runs tasks one at a time, in call order. */
class Serial {
  #tail: Promise<unknown> = Promise.resolve();
  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.#tail.then(task, task);
    this.#tail = next.catch(() => undefined);
    return next;
  }
}
const opening = new Serial();

const handles = () => process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap').length;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const fake = await RealtimeFake.start({ responder: () => undefined });
  const rest = await TwilioRestFake.start({ authToken: AUTH });
  const runtime = await startTestRuntime({
    listen: true,
    worker: true,
    env: { OPENAI_API_KEY: 'soak', OPENAI_REALTIME_URL: fake.url, TWILIO_AUTH_TOKEN: AUTH, TWILIO_ACCOUNT_SID: rest.accountSid, TWILIO_API_BASE_URL: rest.url },
  });
  const baseUrl = runtime.url!;
  let failures = 0;

  /** One call: the shared line with a client code (gate) and an order, or the dedicated line and a KB question. */
  const oneCall = async (n: number): Promise<void> => {
    const gate = n % 2 === 0;
    const placed = await placeCall({ baseUrl, to: gate ? SHARED_LINE : RESTAURANT_LINE, authToken: AUTH, from: `+1555200${String(n % 10000).padStart(4, '0')}`, ...(gate ? { code: '33334444' } : {}) });
    if (!placed.stream) throw new Error(`call ${n} not connected`);
    // One stream opens at a time, so the fake's next connection is this call's (it cannot tell).
    const { phone, rt } = await opening.run(async () => {
      const index = fake.connections.length;
      const p = await SimPhone.connect({ url: placed.stream!.url, parameters: placed.stream!.parameters, callSid: placed.callSid });
      return { phone: p, rt: await fake.connection(index) };
    });
    const update = await rt.waitFor('session.update');
    const tools = (update['session'] as { tools?: { name: string; parameters: Record<string, unknown> }[] }).tools ?? [];
    const order = tools.find((t) => t.name === 'place_order');
    if (gate && order) {
      const item = (order.parameters as { properties: { items: { items: { properties: { name: { enum: string[] } } } } } }).properties.items.items.properties.name.enum[0]!;
      await rt.callTool('place_order', { items: [{ name: item, quantity: 1 }], fulfillment: 'pickup', customer_name: `Soak ${n}`, quote_only: false });
    } else {
      await rt.callTool('search_knowledge_base', { query: 'what are your hours' });
    }
    await phone.say(Buffer.alloc(1600, 0xff), { realtime: false });
    phone.hangUp();
    await phone.closed();
    const status = { CallSid: placed.callSid, AccountSid: rest.accountSid, From: '+15552000000', To: gate ? SHARED_LINE : RESTAURANT_LINE, CallStatus: 'completed', CallDuration: '30' };
    const signed = (await import('twilio')).default.getExpectedTwilioSignature(AUTH, `${runtime.config.publicBaseUrl}/twilio/status`, status);
    await fetch(`${baseUrl}/twilio/status`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signed }, body: new URLSearchParams(status).toString() });
  };

  let seq = 0;
  const worker = async (until: number) => {
    while (Date.now() < until) {
      try {
        await oneCall(seq++);
      } catch (err) {
        failures++;
        if (failures <= 3) console.error(`call failed: ${(err as Error).message}`);
      }
    }
  };

  for (let i = 0; i < WARMUP_CALLS; i++) await oneCall(seq++);
  await sleep(500);
  const rss0 = process.memoryUsage().rss;
  const handles0 = handles();
  const calls0 = seq;
  const t0 = Date.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, () => worker(t0 + SECONDS * 1000)));
  const calls = seq - calls0;
  await sleep(2000); // jobs (notifications) and call records settle
  const rss1 = process.memoryUsage().rss;
  const handles1 = handles();
  const rssPerCall = (rss1 - rss0) / 1024 / Math.max(1, calls);
  const handlesPerCall = (handles1 - handles0) / Math.max(1, calls);
  const conditions = `${SECONDS} s, ${CONCURRENCY} concurrent, ${calls} calls, ${rest.messages.length} SMS, ${failures} failed`;
  console.log(`soak: ${conditions}; ${(calls / SECONDS).toFixed(2)} calls/s`);
  console.log(`  RSS ${(rss0 / 2 ** 20).toFixed(1)} → ${(rss1 / 2 ** 20).toFixed(1)} MiB: ${rssPerCall.toFixed(1)} KiB per call (target ≤ ${TARGET_RSS_KIB_PER_CALL})`);
  console.log(`  handles ${handles0} → ${handles1}: ${handlesPerCall.toFixed(3)} per call (target ≤ ${TARGET_HANDLES_PER_CALL})`);
  const judged = SECONDS >= JUDGED_FROM_SECONDS;
  const note = judged ? conditions : `${conditions}; smoke run, judged from --soak ${JUDGED_FROM_SECONDS}`;
  recordFigure({ bench: 'soak', measure: 'RSS growth per call', value: rssPerCall, unit: 'KiB', target: judged ? TARGET_RSS_KIB_PER_CALL : null, note });
  recordFigure({ bench: 'soak', measure: 'handle growth per call', value: handlesPerCall, unit: 'handles', target: judged ? TARGET_HANDLES_PER_CALL : null, note });
  recordFigure({ bench: 'soak', measure: 'failed calls', value: failures, unit: 'calls', target: 0, note: conditions });
  await runtime.close();
  await fake.close();
  await rest.close();
  const pass = failures === 0 && (!judged || (rssPerCall <= TARGET_RSS_KIB_PER_CALL && handlesPerCall <= TARGET_HANDLES_PER_CALL));
  process.exitCode = pass ? 0 : 1;
}

await main();
