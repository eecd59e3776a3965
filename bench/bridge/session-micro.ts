/**
 * The call session's own JavaScript per frame, without sockets: a guard for the hot path that
 * the relay bench's noise (±20 % between runs on a shared VM) cannot give. A real CallSession
 * is admitted against an in-process Realtime server, then both legs are short-circuited:
 * caller frames go straight into the Twilio leg's listener, assistant deltas are emitted on the
 * Realtime socket object as if read from the wire, and every send is counted, not written.
 *   node --conditions=vozlia-source --import tsx bench/bridge/session-micro.ts [frames=200000] [rounds=7]
 * Prints ns per inbound frame and per outbound 20 ms delta (median of rounds). Works against any
 * revision with the same CallSession constructor, so two trees can be compared run by run.
 */
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { Registry } from 'prom-client';
import WebSocket, { WebSocketServer } from 'ws';
import { CallSession } from '../../backend/src/voice/call-session.js';
import { DialectState, dialectFor } from '../../backend/src/voice/dialects/dialect-state.js';
import { createVoiceMetrics } from '../../backend/src/voice/metrics.js';
import { resolveVoiceOptions } from '../../backend/src/voice/options.js';
import type { TwilioLeg, TwilioLegEvents } from '../../backend/src/voice/twilio-leg.js';
import { FRAME_BYTES } from './stamps.js';

const FRAMES = Number(process.argv[2] ?? 200_000);
const ROUNDS = Number(process.argv[3] ?? 7);
const PAYLOAD = Buffer.alloc(FRAME_BYTES, 0x7f).toString('base64');

// Capture the Realtime client socket the session opens: deltas are emitted on it directly.
const sockets: WebSocket[] = [];
const on = WebSocket.prototype.on;
WebSocket.prototype.on = function (this: WebSocket, event: string, fn: (...a: unknown[]) => void) {
  if (event === 'message' && !sockets.includes(this)) sockets.push(this);
  return on.call(this, event, fn);
} as typeof WebSocket.prototype.on;

const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
await new Promise<void>((r) => server.once('listening', () => r()));
const configured = new Promise<void>((resolve) => server.on('connection', (ws) => ws.on('message', (d) => String(d).includes('session.update') && resolve())));

let sent = 0;
let events: TwilioLegEvents | null = null;
/** Marks sent, echoed at once (as a phone that has played everything would). */
const marks: string[] = [];
const twilio = {
  closed: false,
  attach: (e: TwilioLegEvents) => void (events = e),
  send: () => void sent++,
  sendMedia: () => void sent++,
  sendMediaAndMark: (_media: string, mark: string) => {
    sent += 2;
    const k = mark.indexOf('"name":"') + 8;
    marks.push(mark.slice(k, mark.indexOf('"', k)));
  },
  close: () => undefined,
} as unknown as TwilioLeg;
const claims = { tenantId: 'bench', actorMode: 'client', tenantMode: 'dedicated', callSid: 'CA1' } as const;
const log = pino({ level: 'warn' });
const session = new CallSession({
  twilio,
  claims,
  context: { ...claims, instructions: 'bench', greeting: 'Hello', voice: 'alloy', tools: [], invokeTool: async () => ({}), onCallEnded: () => undefined, log },
  options: resolveVoiceOptions({ realtimeUrl: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`, apiKey: 'bench' }),
  dialect: new DialectState(dialectFor('ga')),
  metrics: createVoiceMetrics(new Registry()),
  chimeFrames: null,
  log,
  onEnded: () => undefined,
});
session.start();
const ev = events as TwilioLegEvents | null;
if (!ev) throw new Error('the session did not attach to the Twilio leg');
ev.message({ kind: 'start', streamSid: 'MZ1', callSid: 'CA1', accountSid: 'AC1', customParameters: { tenant_id: 'bench', actor_mode: 'client', tenant_mode: 'dedicated', rid: 'CA1' } });
await configured;
const rt = sockets[0]!;
rt.send = () => void sent++; // the session's sends are counted from here on, not written

const delta = (i: number) =>
  Buffer.from(`{"type":"response.output_audio.delta","event_id":"e${i}","response_id":"resp_1","item_id":"item_1","output_index":0,"content_index":0,"delta":"${PAYLOAD}"}`);
const deltas = Array.from({ length: 64 }, (_, i) => delta(i));

function inbound(): number {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < FRAMES; i++) ev!.media(PAYLOAD);
  return Number(process.hrtime.bigint() - t0) / FRAMES;
}

function outbound(): number {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < FRAMES; i++) {
    rt.emit('message', deltas[i & 63], false);
    while (marks.length > 0) ev!.message({ kind: 'mark', name: marks.pop()! });
  }
  return Number(process.hrtime.bigint() - t0) / FRAMES;
}

const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
const ins: number[] = [];
const outs: number[] = [];
inbound();
outbound(); // warm-up: optimised code for both paths
for (let r = 0; r < ROUNDS; r++) {
  ins.push(inbound());
  outs.push(outbound());
}
console.log(`session-micro: inbound ${median(ins).toFixed(0)} ns/frame, outbound ${median(outs).toFixed(0)} ns/delta (median of ${ROUNDS} rounds × ${FRAMES}; sends counted: ${sent})`);
console.log(`  per round: in ${ins.map((x) => x.toFixed(0)).join(', ')}; out ${outs.map((x) => x.toFixed(0)).join(', ')}`);
session.end('twilio_stop');
server.close();
process.exit(0);
