/**
 * One scripted call, offline, end to end, with a readable timeline:
 *   npm run simulate -- --to +15550100001
 *   npm run simulate -- --code 11112222            (shared line)
 *   npm run simulate -- --to +15550100001 --scenario transfer   (or message: nobody answers)
 *   npm run simulate -- --to +15550100001 --order  (the caller orders two pizzas: place_order)
 *   npm run simulate -- --url http://127.0.0.1:3000 --realtime-port 4010 --to +15550100001
 *     (a running server started with OPENAI_REALTIME_URL=ws://127.0.0.1:4010/v1/realtime?model=gpt-realtime)
 * Without --url it starts the Realtime fake and a server of its own (backend/src/main.ts
 * `startServer`) on a temporary embedded database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { chimeFrames } from '../voice/chime-tone.js';
import { fakeSpeech, RealtimeFake, type FakeRealtimeConnection } from './realtime-fake/index.js';
import { callControlScript, type CallControlScenario } from './simulate-call-control.js';
import { TwilioRestFake } from './twilio-rest-fake.js';
import { completeCall, placeCall, SimPhone } from './twilio-sim/index.js';
import { sleep, until } from './twilio-sim/waits.js';

const SHARED_LINE = '+15550109999';

const USAGE = `npm run simulate -- (--to +15550100001 | --code 11112222) [--order] [--scenario transfer|message]
                     [--dialect ga|beta] [--chime] [--url http://127.0.0.1:3000 --realtime-port 4010 [--auth-token …]]
Without --url it starts the Realtime fake and a server of its own on a temporary embedded database.`;

function readArgs() {
  try {
    return parseArgs({
      options: {
        to: { type: 'string' },
        code: { type: 'string' },
        url: { type: 'string' },
        'realtime-port': { type: 'string' },
        'auth-token': { type: 'string' },
        dialect: { type: 'string', default: 'ga' },
        chime: { type: 'boolean', default: false },
        scenario: { type: 'string' },
        order: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    // An unknown or malformed option: say which, and how to call it, not a stack trace.
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}

const { values } = readArgs();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const scenario = values.scenario as CallControlScenario | undefined;

const t0 = performance.now();
const timeline: { at: number; who: string; what: string }[] = [];
const note = (who: string, what: string, at = performance.now()) => timeline.push({ at: at - t0, who, what });

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

async function ownServer(fake: RealtimeFake, rest: TwilioRestFake | null): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const mainPath = new URL('../main.ts', import.meta.url);
  const main = (await import(mainPath.href)) as { startServer?: (o: Record<string, unknown>) => Promise<{ close(): Promise<void> }> };
  if (!main.startServer) throw new Error('backend/src/main.ts has no startServer yet: run with --url against a running server');
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'voz-simulate-'));
  // Configured by the flags alone: nothing from the shell's environment (a DATABASE_URL or a
  // TWILIO_AUTH_TOKEN there would point this throwaway server at real resources).
  const env = {
    PORT: String(port),
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    VOZ_DATA_DIR: dataDir,
    VOZ_SEED_DEMO: '1',
    OPENAI_API_KEY: 'sk-simulate',
    OPENAI_REALTIME_URL: fake.url,
    VOZ_REALTIME_API: values.dialect,
    VOICE_WAIT_CHIME_ENABLED: values.chime ? '1' : '0',
    LOG_LEVEL: 'warn',
    // Call-control scenarios: Twilio REST is the local fake (signed webhooks, its auth token).
    ...(rest ? { TWILIO_ACCOUNT_SID: rest.accountSid, TWILIO_AUTH_TOKEN: rest.authToken, TWILIO_API_BASE_URL: rest.url } : {}),
  };
  const runtime = await main.startServer({ env, listen: true, worker: false });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await runtime.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The model's side of the script. */
async function modelScript(conn: FakeRealtimeConnection, phone: SimPhone): Promise<void> {
  const update = await conn.waitFor('session.update');
  const s = update['session'] as Record<string, unknown>;
  const tools = ((s['tools'] as { name: string }[] | undefined) ?? []).map((t) => t.name);
  note('model', `session.update (${conn.dialect}): tools [${tools.join(', ')}]`);
  await conn.waitFor('response.create');
  note('model', 'greeting requested');
  const g = conn.startResponse();
  await conn.streamAudio(g, fakeSpeech(1200), { deltaMs: 100, paceMs: 100 });
  conn.assistantTranscript(g, '(greeting)');
  conn.endResponse(g);
  await sleep(1300);
  if (values.order) return orderScript(conn, phone, tools);

  // Caller turn.
  note('caller', 'speaks (600 ms)');
  conn.speechStarted();
  await phone.say(fakeSpeech(600, 3));
  conn.speechStopped();
  conn.callerTranscript('What are your opening hours?');
  note('caller', 'turn ends: "What are your opening hours?"');

  if (tools.includes('search_knowledge_base')) {
    await sleep(300);
    const call = conn.functionCall('search_knowledge_base', { query: 'opening hours' });
    note('model', 'calls search_knowledge_base({"query":"opening hours"})');
    const out = await conn.waitFor('conversation.item.create', (e) => (e['item'] as Record<string, unknown>)['call_id'] === call.callId, 15_000);
    note('tool', `result: ${String((out['item'] as Record<string, unknown>)['output']).slice(0, 160)}`);
    await conn.waitFor('response.create', () => conn.eventsOf('response.create').length >= 2, 5000);
  } else {
    await sleep(1200);
  }

  // Answer, interrupted by the caller.
  const a = conn.startResponse();
  let barged = false;
  const answering = conn.streamAudio(a, fakeSpeech(3000, 9), { deltaMs: 200, paceMs: 200, stopWhen: () => barged });
  await sleep(1100);
  note('caller', 'barges in');
  conn.speechStarted();
  barged = true;
  const tr = await conn.waitFor('conversation.item.truncate');
  note('bridge', `truncate ${String(tr['item_id'])} at ${String(tr['audio_end_ms'])} ms`);
  await answering;
  conn.endResponse(a, 'cancelled');
  await phone.say(fakeSpeech(400, 5));
  conn.speechStopped();
  conn.callerTranscript('Thanks, bye.');
  await sleep(200);
  const b = conn.startResponse();
  await conn.streamAudio(b, fakeSpeech(800, 1), { deltaMs: 100, paceMs: 100 });
  conn.assistantTranscript(b, 'Goodbye!');
  conn.endResponse(b);
  await sleep(900);
}

/** `--order`: the caller orders for tomorrow lunchtime (open whatever the hour now) and the model places it. */
async function orderScript(conn: FakeRealtimeConnection, phone: SimPhone, tools: string[]): Promise<void> {
  if (!tools.includes('place_order')) throw new Error('place_order is not offered on this call (is it a restaurant number?)');
  conn.speechStarted();
  await phone.say(fakeSpeech(600, 3));
  conn.speechStopped();
  conn.callerTranscript('Two margherita pizzas for pickup tomorrow at 12:30, name is Ada.');
  note('caller', 'turn ends: "Two margherita pizzas for pickup tomorrow at 12:30, name is Ada."');
  const args = {
    items: [{ name: 'Margherita Pizza', quantity: 2 }],
    customer_name: 'Ada',
    fulfillment: 'pickup',
    requested_time: DateTime.now().setZone('America/New_York').plus({ days: 1 }).toFormat("yyyy-MM-dd'T'12:30"),
  };
  const call = conn.functionCall('place_order', args);
  note('model', `calls place_order(${JSON.stringify(args)})`);
  const out = await conn.waitFor('conversation.item.create', (e) => (e['item'] as Record<string, unknown>)['call_id'] === call.callId, 15_000);
  note('tool', `result: ${String((out['item'] as Record<string, unknown>)['output']).slice(0, 200)}`);
  const r = conn.startResponse();
  await conn.streamAudio(r, fakeSpeech(800, 1), { deltaMs: 100, paceMs: 100 });
  conn.assistantTranscript(r, 'Your order is placed. Goodbye!');
  conn.endResponse(r);
  await sleep(900);
}

function playedSpans(phone: SimPhone): void {
  const chime = Buffer.from(chimeFrames().frames[0]!, 'base64');
  let spanStart = -1;
  let spanEnd = -1;
  let spanMs = 0;
  const flush = () => {
    if (spanStart >= 0) note('phone', `heard assistant audio ${spanMs.toFixed(0)} ms`, spanStart);
    spanStart = -1;
    spanMs = 0;
  };
  for (const c of phone.timeline()) {
    if (c.bytes.subarray(0, chime.length).equals(chime)) {
      flush();
      note('phone', 'chime', c.startAt);
      continue;
    }
    if (spanStart < 0 || c.startAt - spanEnd > 60) {
      flush();
      spanStart = c.startAt;
    }
    spanEnd = c.endAt;
    spanMs += c.endAt - c.startAt;
    if (c.cut) {
      note('phone', `playback cut by clear after ${spanMs.toFixed(0)} ms`, c.endAt);
    }
  }
  flush();
}

async function main(): Promise<void> {
  if (!values.to && !values.code) {
    console.error(USAGE);
    process.exit(2);
  }
  const port = values['realtime-port'] ? Number(values['realtime-port']) : undefined;
  if (scenario && (scenario !== 'transfer' && scenario !== 'message')) {
    console.error('--scenario is transfer or message');
    process.exit(2);
  }
  if (scenario && values.url) {
    console.error('--scenario needs the simulator\'s own server (its Twilio REST fake): drop --url');
    process.exit(2);
  }
  const fake = await RealtimeFake.start({ responder: () => undefined, ...(port ? { port } : {}) });
  const rest = scenario ? await TwilioRestFake.start() : null;
  const authToken = rest?.authToken ?? values['auth-token'];
  let server: { baseUrl: string; close(): Promise<void> } | null = null;
  try {
    if (values.url) {
      server = { baseUrl: values.url, close: async () => undefined };
      console.log(`Realtime fake listening at ${fake.url} — the server at ${values.url} must use it as OPENAI_REALTIME_URL`);
    } else {
      server = await ownServer(fake, rest);
    }
    const to = values.to ?? SHARED_LINE;
    note('twilio', `POST /twilio/voice To=${to}${values.code ? ' (shared line, code entered)' : ''}`);
    const placed = { baseUrl: server.baseUrl, to, code: values.code, authToken };
    const answeredAt = performance.now();
    const call = await placeCall(placed);
    const complete = async () => {
      const seconds = (performance.now() - answeredAt) / 1000;
      await completeCall(placed, call, seconds);
      note('twilio', `POST /twilio/status completed (${Math.round(seconds)} s)`);
    };
    for (const s of call.steps) note('twilio', `TwiML: ${s.kind}${s.kind === 'gather' ? ` "${s.prompt}"` : ''}`);
    if (!call.stream) {
      note('twilio', 'no stream: call ended at the gate');
      return;
    }
    note('twilio', `<Stream url=${call.stream.url.replace(/\/[^/]{16,}$/, '/<token>')}> params ${JSON.stringify(call.stream.parameters)}`);
    const phone = await SimPhone.connect({ url: call.stream.url, parameters: call.stream.parameters, callSid: call.callSid });
    phone.startSilence();
    const conn = await Promise.race([fake.connection(0), phone.closed().then(() => null)]);
    if (!conn) throw new Error(`the stream was closed (code ${phone.closeCode}) before the model was dialled`);
    if (scenario && rest && authToken) {
      await callControlScript({ conn, phone, rest, callSid: call.callSid, baseUrl: server.baseUrl, authToken, note }, scenario);
      await complete();
      playedSpans(phone);
      return;
    }
    await modelScript(conn, phone);
    phone.hangUp();
    note('caller', 'hangs up');
    await until(() => !conn.isOpen, 2000, 'model socket closed');
    note('bridge', 'model socket closed');
    await complete();
    playedSpans(phone);
  } catch (err) {
    note('simulate', `failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  } finally {
    timeline.sort((a, b) => a.at - b.at);
    for (const e of timeline) console.log(`${(e.at / 1000).toFixed(3).padStart(8)} s  ${e.who.padEnd(7)} ${e.what}`);
    // A server that will not drain must not keep the simulator hanging.
    await Promise.race([Promise.all([server?.close(), fake.close(), rest?.close()]), sleep(5000)]);
    process.exit();
  }
}

main().catch((err: unknown) => {
  console.error(`simulate failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
