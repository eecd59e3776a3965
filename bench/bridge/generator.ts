/**
 * Load generator for the bridge benchmark (child process, pinned to its own core). Plays
 * both ends: N Twilio phones and the Realtime server (and the text model the app's call
 * summaries ask, on the same port). Prints `RT <port>`, waits for
 * `GO <serverPort>` on stdin (or `GO direct` for the generator's own floor), then `READY <setup ms>`
 * once every call is set up, `MEASURE_START`, `MEASURE_END`, `RESULT <json>` and `HUNG_UP` once
 * every phone has hung up; exits on `EXIT`. With `hold`, audio waits for `AUDIO` on stdin after
 * `READY` (paired runs start two generators' audio together).
 *   node --import tsx bench/bridge/generator.ts <direct|bare|naive|bridge|app> <calls> <seconds> [warmupMs=2000] [hold]
 * Audio starts once every call is ready (admitted and configured); measurement after a warm-up.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import WebSocket, { WebSocketServer } from 'ws';
import { streamTarget } from './dial.js';
import { DirectionStats } from './stats.js';
import { audioOf, FRAME_MS, readStamp, stampedFrame } from './stamps.js';

const [mode = 'bridge', callsArg = '100', secondsArg = '10', warmupArg = '2000', holdArg] = process.argv.slice(2);
const N = Number(callsArg);
const MEASURE_S = Number(secondsArg);
const WARMUP_MS = Number(warmupArg);
const ADMIT_TIMEOUT_MS = 60_000;
const DRAIN_MS = 5000;
const MAX_FRAMES = Math.ceil(((MEASURE_S * 1000 + WARMUP_MS + 5000) / FRAME_MS) * 1.2);

interface RtConn {
  ws: WebSocket;
  call: number;
  ready: boolean;
}

const inbound = new DirectionStats(MAX_FRAMES);
const outbound = new DirectionStats(MAX_FRAMES);
const sentIn = new Map<number, number>();
const sentOut = new Map<number, number>();
const rtByCall: (RtConn | undefined)[] = [];
let measuring = false;
let marksEchoed = 0;
/** Realtime connections ready for audio (in the bridge and the app: admitted and configured). */
let readyConns = 0;

/** The text model's answer (call summaries), in the chat-completions shape; everything else 404. */
const http = createServer((req, res) => {
  req.resume();
  if (req.method !== 'POST' || !req.url?.startsWith('/v1/chat/completions')) {
    res.writeHead(404).end();
    return;
  }
  req.once('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion', created: 0, model: 'bench', choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'A bench call: the caller said nothing.' } }] }));
  });
});
const wss = new WebSocketServer({ server: http, perMessageDeflate: false });
wss.on('connection', (ws) => {
  // The bridge and the app drop caller audio until they have configured the session.
  const conn: RtConn = { ws, call: -1, ready: mode !== 'bridge' && mode !== 'app' };
  if (conn.ready) readyConns++;
  ws.on('error', () => undefined);
  ws.on('message', (data) => {
    const raw = data.toString();
    if (!conn.ready && raw.startsWith('{"type":"session.update"')) {
      conn.ready = true;
      readyConns++;
    }
    const audio = audioOf(raw);
    if (!audio) return;
    const s = readStamp(audio);
    if (!s) return;
    if (conn.call < 0) {
      conn.call = s.call;
      rtByCall[s.call] = conn;
    }
    inbound.received(s.call, s.seq, performance.now() - s.sentAt, measuring);
  });
});
await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
const rtPort = (http.address() as AddressInfo).port;
process.stdout.write(`RT ${rtPort}\n`);

const orders = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const go = String((await orders.next()).value ?? '').trim();
const target = go.split(' ')[1] ?? 'direct';

const phones: WebSocket[] = [];
const setupStart = performance.now();
const targets = await Promise.all(Array.from({ length: N }, (_, i) => streamTarget(i, mode, target, rtPort)));
await Promise.all(
  targets.map(({ url, callSid, parameters }, i) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    phones[i] = ws;
    ws.on('error', () => undefined);
    const streamSid = `MZbench${i}`;
    ws.on('message', (data) => {
      const raw = data.toString();
      const markAt = raw.indexOf('"event":"mark"');
      if (markAt >= 0) {
        // Echo at once: the bench measures relay cost, not playback.
        const k = raw.indexOf('"name":"') + 8;
        ws.send(`{"event":"mark","sequenceNumber":"1","streamSid":"${streamSid}","mark":{"name":"${raw.slice(k, raw.indexOf('"', k))}"}}`);
        marksEchoed++;
        return;
      }
      const audio = audioOf(raw);
      if (!audio) return;
      const s = readStamp(audio);
      if (!s) return;
      if (s.call !== i) outbound.crossTalk++;
      outbound.received(s.call, s.seq, performance.now() - s.sentAt, measuring);
    });
    return new Promise<void>((resolve, reject) => {
      ws.once('open', () => {
        ws.send(JSON.stringify({ event: 'connected', protocol: 'Call', version: '1.0.0' }));
        ws.send(
          JSON.stringify({
            event: 'start',
            sequenceNumber: '1',
            streamSid,
            start: {
              accountSid: 'ACbench',
              streamSid,
              callSid,
              tracks: ['inbound'],
              customParameters: parameters,
              mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 },
            },
          }),
        );
        resolve();
      });
      ws.once('close', () => reject(new Error(`phone ${i} closed`)));
    });
  }),
);

// Admission (database work in the full app) finishes before audio starts, never inside the window.
const readyBy = performance.now() + ADMIT_TIMEOUT_MS;
while (readyConns < N && performance.now() < readyBy) await sleep(20);
if (readyConns < N) console.error(`generator: only ${readyConns} of ${N} calls ready after ${ADMIT_TIMEOUT_MS} ms`);
// Call setup done (webhook, admission, Realtime connect, session.update): the orchestrator reads the server's CPU here.
process.stdout.write(`READY ${(performance.now() - setupStart).toFixed(0)}\n`);
if (holdArg === 'hold') await orders.next();

// Each call sends one frame per direction every 20 ms, calls spread evenly over the period.
const seqIn = new Array<number>(N).fill(0);
const seqOut = new Array<number>(N).fill(0);
const t0 = performance.now() + 200;
const nextDue = Array.from({ length: N }, (_, i) => t0 + (i * FRAME_MS) / N);
let running = true;
const tick = () => {
  if (!running) return;
  const now = performance.now();
  for (let i = 0; i < N; i++) {
    if (nextDue[i]! > now) continue;
    nextDue[i]! += FRAME_MS;
    const phone = phones[i]!;
    const si = seqIn[i]!++;
    phone.send(
      `{"event":"media","sequenceNumber":"${si + 2}","media":{"track":"inbound","chunk":"${si + 1}","timestamp":"${si * FRAME_MS}","payload":"${stampedFrame(i, si, performance.now())}"},"streamSid":"MZbench${i}"}`,
    );
    sentIn.set(i, si + 1);
    const rt = rtByCall[i];
    if (rt && rt.ready) {
      const so = seqOut[i]!++;
      rt.ws.send(
        `{"type":"response.output_audio.delta","event_id":"e${so}","response_id":"resp_${i}","item_id":"item_${i}","output_index":0,"content_index":0,"delta":"${stampedFrame(i, so, performance.now())}"}`,
      );
      sentOut.set(i, so + 1);
    }
  }
  setTimeout(tick, 1);
};
tick();

await sleep(WARMUP_MS);
const cpu0 = process.cpuUsage();
const w0 = performance.now();
measuring = true;
const fromIn = new Map(seqIn.map((s, i) => [i, s]));
const fromOut = new Map(seqOut.map((s, i) => [i, s]));
process.stdout.write('MEASURE_START\n');
await sleep(MEASURE_S * 1000);
measuring = false;
process.stdout.write('MEASURE_END\n');
const cpu = process.cpuUsage(cpu0);
const wall = performance.now() - w0;
running = false;
// Frames still in flight are late, not lost: wait for them (on a loaded box a relay can stall
// for seconds), so `lost` counts only frames the relay never delivered.
const inFlight = () => inbound.lost(sentIn, fromIn) + outbound.lost(sentOut, fromOut);
const drainBy = performance.now() + DRAIN_MS;
await sleep(100);
while (inFlight() > 0 && performance.now() < drainBy) await sleep(50);

const result = {
  mode,
  calls: N,
  seconds: MEASURE_S,
  inbound: { ...inbound.summary(), lost: inbound.lost(sentIn, fromIn), reordered: inbound.reordered, duplicated: inbound.duplicated },
  outbound: { ...outbound.summary(), lost: outbound.lost(sentOut, fromOut), reordered: outbound.reordered, duplicated: outbound.duplicated, crossTalk: outbound.crossTalk },
  marksEchoed,
  generatorCpuShare: (cpu.user + cpu.system) / 1000 / wall,
};
process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
for (const p of phones) p.terminate();
// The text model stays up for the server's after-call work (call summaries) until `EXIT` (or stdin's end).
process.stdout.write('HUNG_UP\n');
await orders.next();
wss.close();
process.exit(0);

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
