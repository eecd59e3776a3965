import { afterEach, describe, expect, it } from 'vitest';
import { mediaStreamUrl, streamTwiml } from '../telephony/twiml.js';
import { fakeSpeech, RealtimeFake, type FakeRealtimeConnection } from '../testing/realtime-fake/index.js';
import { startBridgeHarness, type BridgeHarness, type BridgeHarnessOptions } from '../testing/twilio-sim/bridge-harness.js';
import { SimPhone } from '../testing/twilio-sim/index.js';
import { readTwiml } from '../testing/twilio-sim/twiml.js';
import { sleep, until } from '../testing/twilio-sim/waits.js';
import type { CallAction } from './call-context.js';

/**
 * Flow A's golden behaviours and failure signatures (ops/REFERENCE_PACKS/voice_flow_a.md, section
 * "Golden behaviours"), each replayed through the simulator with the wire checked in order: what
 * the bridge sent to the model (`conn.received`) and to the phone (`phone.wire`).
 */

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

/** The model stays quiet unless a test speaks for it. */
const silent = { responder: () => undefined };

async function setup(fakeOpts: Parameters<typeof RealtimeFake.start>[0] = silent, harness: Partial<BridgeHarnessOptions> = {}) {
  const fake = await RealtimeFake.start(fakeOpts);
  const { voice, ...rest } = harness;
  const bridge: BridgeHarness = await startBridgeHarness({ voice: { realtimeUrl: fake.url, dialect: 'ga', ...voice }, ...rest });
  cleanup.push(() => fake.close(), () => bridge.close());
  return { fake, bridge };
}

const sent = (conn: FakeRealtimeConnection) => conn.received.map((e) => String(e['type']));

/** `expected` appears in `actual` in this order (other events may sit between). */
function expectInOrder(actual: readonly string[], expected: readonly string[], promise: string): void {
  let at = 0;
  for (const want of expected) {
    const found = actual.indexOf(want, at);
    expect(found, `${promise}: "${want}" missing or out of order in [${actual.slice(0, 40).join(', ')}]`).toBeGreaterThanOrEqual(0);
    at = found + 1;
  }
}

describe('Flow A golden behaviours, replayed', () => {
  it('G1: the incoming call is answered with <Connect><Stream> to the media URL carrying the four parameters', () => {
    const twiml = streamTwiml(mediaStreamUrl('https://voice.example.com', 'tok.en'), { tenant_id: 'demo_restaurant', actor_mode: 'client', tenant_mode: 'dedicated', rid: 'CA0' });
    expect(readTwiml(twiml)).toEqual({
      kind: 'stream',
      url: 'wss://voice.example.com/twilio/media/tok.en',
      parameters: { tenant_id: 'demo_restaurant', actor_mode: 'client', tenant_mode: 'dedicated', rid: 'CA0' },
    });
  });

  it('G2: a refused token closes the stream at once (1008) and no model socket is ever opened', async () => {
    const { fake, bridge } = await setup();
    const start = bridge.issue();
    const phone = await SimPhone.connect({ ...start, url: start.url.replace(/[^/]+$/, 'invented') });
    await phone.closed();
    expect(phone.closeCode, 'a refused stream is closed with 1008').toBe(1008);
    expect(phone.wire, 'nothing is sent to a refused stream').toEqual([]);
    expect(fake.connections.length, 'a refused stream never reaches the model').toBe(0);
    expect(await bridge.metricValue('voz_voice_stream_rejected_total', { reason: 'bad_token' })).toBe(1);
  });

  it('G3–G5: admitted, the model is dialled, configured once after start, then greets; early caller audio is dropped', async () => {
    const { fake, bridge } = await setup();
    const phone = await SimPhone.connect(bridge.issue(), { sendStart: false });
    const conn = await fake.connection(0);
    phone.sendFrame(Buffer.alloc(160, 0x11)); // ring-back before `start`: never relayed
    await sleep(50);
    expect(sent(conn), 'nothing reaches the model before Twilio start').toEqual([]);
    phone.sendStart();
    await conn.waitFor('response.create');
    expectInOrder(sent(conn), ['session.update', 'response.create'], 'configured, then the greeting');
    expect(sent(conn).filter((t) => t === 'session.update'), 'session.update is sent once').toHaveLength(1);
    expect(conn.inputAudio().length, 'caller audio from before the session was configured is dropped').toBe(0);
    phone.hangUp();
  });

  it('G4: a start whose parameters differ from the token closes both sockets before a single session.update', async () => {
    const { fake, bridge } = await setup();
    const start = bridge.issue();
    const phone = await SimPhone.connect(start, { sendStart: false });
    phone.sendStart({ parameters: { ...start.parameters, actor_mode: 'owner' } });
    await phone.closed();
    expect(phone.closeCode).toBe(1008);
    await sleep(50);
    for (const c of fake.connections) expect(sent(c), 'nothing is sent to the model on a start mismatch').toEqual([]);
  });

  it('G6: caller audio relays byte-identical in order; assistant audio reaches the phone as media with a mark after the first frame', async () => {
    const { fake, bridge } = await setup();
    const phone = await SimPhone.connect(bridge.issue());
    const conn = await fake.connection(0);
    await conn.waitFor('response.create');
    const speech = fakeSpeech(600, 3);
    await phone.say(speech, { realtime: false });
    await until(() => conn.inputAudio().length >= speech.length, 3000, 'caller audio relayed');
    expect(conn.inputAudio().equals(speech), 'caller audio arrives untouched').toBe(true);
    const ids = conn.startResponse();
    await conn.streamAudio(ids, fakeSpeech(500, 4));
    conn.endResponse(ids);
    await until(() => phone.audioReceived().length >= 500 * 8, 3000, 'assistant audio played');
    expect(phone.audioReceived().equals(fakeSpeech(500, 4)), 'assistant audio arrives untouched').toBe(true);
    expect(phone.wire[0], 'the first thing the phone gets is audio').toBe('media');
    expect(phone.wire[1]?.startsWith('mark:'), 'a mark follows the first frame of the item').toBe(true);
    const marks = phone.wire.filter((w) => w.startsWith('mark:')).length;
    expect(marks, 'marks are sparse (not one per frame)').toBeLessThan(phone.wire.filter((w) => w === 'media').length / 3);
    phone.hangUp();
  });

  it('G7: Twilio stop closes the model socket at once and hands over the call record', async () => {
    const { fake, bridge } = await setup();
    const phone = await SimPhone.connect(bridge.issue());
    const conn = await fake.connection(0);
    await conn.waitFor('response.create');
    phone.hangUp();
    await until(() => !conn.isOpen, 1000, 'model socket closed within 1 s of stop');
    await until(() => bridge.records.length === 1, 2000, 'call record handed over');
    expect(bridge.records[0]).toMatchObject({ endReason: 'twilio_stop' });
  });
});

describe('Flow A failure signatures, replayed', () => {
  it('F1: the model socket drops → one reconnect: same session.update, a recap, no second greeting', async () => {
    const { fake, bridge } = await setup();
    const phone = await SimPhone.connect(bridge.issue());
    const conn = await fake.connection(0);
    await conn.waitFor('response.create');
    const ids = conn.startResponse();
    conn.assistantTranscript(ids, 'Hello, how can I help?');
    conn.endResponse(ids);
    await sleep(100); // the transcript crosses one socket before the drop
    conn.drop();
    const conn2 = await fake.connection(1);
    const recap = await conn2.waitFor('conversation.item.create');
    expect(JSON.stringify(recap), 'the recap carries what was said').toContain('Hello, how can I help?');
    expectInOrder(sent(conn2), ['session.update', 'conversation.item.create'], 'the new socket is configured, then told the recap');
    expect(sent(conn2), 'no second greeting after a reconnect').not.toContain('response.create');
    phone.hangUp();
    await until(() => bridge.records.length === 1);
    expect(bridge.records[0]!.reconnects).toBe(1);
  });

  it('F2: the reconnect fails → the stream closes with 1011 (Twilio plays the fallback TwiML)', async () => {
    const { fake, bridge } = await setup();
    const phone = await SimPhone.connect(bridge.issue());
    const conn = await fake.connection(0);
    await conn.waitFor('response.create');
    fake.refuseUpgrades(1);
    conn.drop();
    await phone.closed();
    expect(phone.closeCode).toBe(1011);
    await until(() => bridge.records.length === 1);
    expect(bridge.records[0]!.endReason).toBe('realtime_lost');
  });

  it('F3: the model is slow to answer the upgrade → the call still connects, configured once, greeting after', async () => {
    const { fake, bridge } = await setup({ ...silent, refuseUpgrades: 1 });
    const phone = await SimPhone.connect(bridge.issue());
    const conn = await fake.connection(0);
    await conn.waitFor('response.create');
    expectInOrder(sent(conn), ['session.update', 'response.create'], 'configured, then greeted, after a refused first try');
    expect(phone.isOpen, 'the caller is still on the line').toBe(true);
    phone.hangUp();
  });

  it('F4: a bad Twilio frame is counted and ignored; the relay goes on', async () => {
    const { fake, bridge } = await setup();
    const phone = await SimPhone.connect(bridge.issue());
    const conn = await fake.connection(0);
    await conn.waitFor('response.create');
    phone.sendRaw('{not json');
    phone.sendRaw(JSON.stringify({ event: 'media', media: { payload: 12 } }));
    const speech = fakeSpeech(200, 9);
    await phone.say(speech, { realtime: false });
    await until(() => conn.inputAudio().length >= speech.length, 3000, 'audio after a bad frame');
    expect(conn.inputAudio().equals(speech)).toBe(true);
    expect(await bridge.metricValue('voz_voice_bad_frames_total')).toBeGreaterThanOrEqual(2);
    phone.hangUp();
  });

  it('F5: a tool that throws → a spoken-safe refusal as its output, then response.create, recorded as failed', async () => {
    const { fake, bridge } = await setup(silent, {
      tools: [{ type: 'function', name: 'search_knowledge_base', description: 'search', parameters: { type: 'object', properties: {} } }],
      invokeTool: async () => {
        throw new Error('boom');
      },
    });
    const phone = await SimPhone.connect(bridge.issue());
    const conn = await fake.connection(0);
    await conn.waitFor('response.create');
    const before = sent(conn).length;
    const output = await conn.callTool('search_knowledge_base', {});
    expect(JSON.parse(output.output)).toMatchObject({ ok: false, error: 'tool_failed' });
    await conn.waitFor('response.create', (e) => conn.received.indexOf(e) > before);
    expectInOrder(sent(conn).slice(before), ['conversation.item.create', 'response.create'], 'the refusal is handed back, then the model is asked to speak');
    phone.hangUp();
    await until(() => bridge.records.length === 1);
    expect(bridge.records[0]!.toolCalls).toEqual([expect.objectContaining({ name: 'search_knowledge_base', ok: false })]);
  });
});

describe('Flow A call control, replayed', () => {
  const transferTool = [{ type: 'function' as const, name: 'transfer_call', description: 'transfer', parameters: { type: 'object', properties: {} } }];

  it('G8: the caller speaks over the handoff line → clear, the transfer is called off and recorded, the model told; asked again, it runs', async () => {
    const acted: CallAction[] = [];
    const cancelled: CallAction[] = [];
    const { fake, bridge } = await setup(silent, {
      tools: transferTool,
      invokeTool: async () => ({ ok: true, say: 'Please hold while I transfer you.', call_action: { kind: 'transfer', reason: 'wants a person' } }),
      act: async (a) => {
        acted.push(a);
        return true;
      },
      onActionCancelled: (a) => cancelled.push(a),
    });
    const start = bridge.issue();
    const phone = await SimPhone.connect(start);
    const conn = await fake.connection(0);
    await conn.waitFor('response.create');

    // The model calls transfer_call; the bridge hands the output back and asks for the handoff line.
    let before = conn.received.length;
    await conn.callTool('transfer_call', { reason: 'wants a person' });
    await conn.waitFor('response.create', (e) => conn.received.indexOf(e) >= before);
    const line = conn.startResponse();
    let interrupted = false;
    const streaming = conn.streamAudio(line, fakeSpeech(2000, 5), { deltaMs: 100, paceMs: 100, stopWhen: () => interrupted });
    await until(() => phone.audioReceived().length >= 300 * 8, 3000, 'the handoff line is playing');

    // "No wait, one more thing": a real barge-in while the line plays.
    const clearsBefore = phone.clears.length;
    before = conn.received.length;
    conn.speechStarted();
    interrupted = true;
    await streaming;
    await until(() => phone.clears.length > clearsBefore, 1000, 'clear');
    const note = await conn.waitFor('conversation.item.create', (e) => conn.received.indexOf(e) >= before && JSON.stringify(e).includes('transfer was called off'));
    expectInOrder(sent(conn).slice(before), ['conversation.item.truncate', 'conversation.item.create'], 'the cut line is truncated, then the model is told');
    expect(JSON.stringify(note), 'a note only: the caller is speaking, so no response is asked for').toContain('system');
    conn.endResponse(line, 'cancelled');
    expect(cancelled, 'the cancellation is handed to the core once').toEqual([{ kind: 'transfer', reason: 'wants a person' }]);
    // Well past the handoff line's length: the caller was not moved.
    await sleep(600);
    expect(acted, 'no transfer after the caller spoke over the line').toEqual([]);
    expect(phone.isOpen).toBe(true);
    expect(sent(conn).slice(before), 'the bridge asks for no response of its own after the cut').not.toContain('response.create');

    // The caller still wants a person: the second handoff line plays in full, then the transfer runs.
    before = conn.received.length;
    await conn.callTool('transfer_call', { reason: 'wants a person' });
    await conn.waitFor('response.create', (e) => conn.received.indexOf(e) >= before);
    const again = conn.startResponse();
    await conn.streamAudio(again, fakeSpeech(300, 6), { deltaMs: 100 });
    conn.endResponse(again);
    await until(() => acted.length === 1, 4000, 'the second transfer runs once its line has played');
    expect(acted[0]).toEqual({ kind: 'transfer', reason: 'wants a person' });
    await phone.closed();
    await until(() => bridge.records.length === 1);
    expect(bridge.records[0]).toMatchObject({ endReason: 'transferred' });
    expect(bridge.records[0]!.bargeIns).toHaveLength(1);
    expect(cancelled).toHaveLength(1);
  });

  it('G9: speaking over a time-limit goodbye does not cancel it: the cut goodbye is said again, then the call ends', async () => {
    const acted: CallAction[] = [];
    const cancelled: CallAction[] = [];
    const { fake, bridge } = await setup(silent, {
      voice: { limits: { maxCallMs: 600, warnBeforeMs: 0, silenceMs: 60_000 } },
      act: async (a) => {
        acted.push(a);
        return true;
      },
      onActionCancelled: (a) => cancelled.push(a),
    });
    const phone = await SimPhone.connect(bridge.issue());
    const conn = await fake.connection(0);
    await conn.waitFor('response.create');
    const goodbye = await conn.waitFor('response.create', (e) => JSON.stringify(e).includes('time limit'), 3000);
    const line = conn.startResponse();
    let interrupted = false;
    const streaming = conn.streamAudio(line, fakeSpeech(1500, 7), { deltaMs: 100, paceMs: 100, stopWhen: () => interrupted });
    await until(() => phone.audioReceived().length >= 200 * 8, 3000, 'the goodbye is playing');
    conn.speechStarted();
    interrupted = true;
    await streaming;
    conn.endResponse(line, 'cancelled');
    await sleep(300);
    expect(cancelled).toEqual([]);
    expect(acted).toEqual([]);
    // The next response carries the goodbye; once it has played, the call is hung up.
    const next = conn.startResponse();
    await conn.streamAudio(next, fakeSpeech(200, 8), { deltaMs: 100 });
    conn.endResponse(next);
    await until(() => acted.length === 1, 4000, 'the hang-up after the repeated goodbye');
    expect(acted[0]).toEqual({ kind: 'hang_up', reason: 'max_duration' });
    expect(goodbye).toBeTruthy();
    await phone.closed();
    await until(() => bridge.records.length === 1);
    expect(bridge.records[0]!.endReason).toBe('max_duration');
  });
});
