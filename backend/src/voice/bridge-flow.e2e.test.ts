import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { watchLoopStalls } from '../testing/loop-stalls.js';
import { fakeSpeech, RealtimeFake, type RealtimeFakeOptions } from '../testing/realtime-fake/index.js';
import { startBridgeHarness, type BridgeHarnessOptions } from '../testing/twilio-sim/bridge-harness.js';
import { SimPhone } from '../testing/twilio-sim/index.js';
import { maxDelay, maxGap, sleep, until } from '../testing/twilio-sim/waits.js';
import { chimeFrames } from './chime-tone.js';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function setup(fakeOpts: RealtimeFakeOptions, bridgeOpts: Partial<BridgeHarnessOptions> & { voice?: BridgeHarnessOptions['voice'] } = {}) {
  const fake = await RealtimeFake.start(fakeOpts);
  const bridge = await startBridgeHarness({ ...bridgeOpts, voice: { realtimeUrl: fake.url, ...bridgeOpts.voice } });
  cleanup.push(() => fake.close(), () => bridge.close());
  return { fake, bridge };
}

const silent = { responder: () => undefined };
const CHIME_FIRST = chimeFrames().frames[0]!;

/** Start times of chimes the phone played (by their first frame). */
function chimeStarts(phone: SimPhone): number[] {
  const first = Buffer.from(CHIME_FIRST, 'base64');
  return phone.timeline().filter((p) => p.bytes.subarray(0, first.length).equals(first)).map((p) => p.startAt);
}

describe.each(['ga', 'beta'] as const)('tools out of band (%s)', (dialect) => {
  it('runs a slow tool while audio keeps flowing both ways, then output + response.create after the active response', async () => {
    const TOOL_MS = 500;
    const { fake, bridge } = await setup(silent, {
      voice: { dialect },
      tools: [{ type: 'function', name: 'search_knowledge_base', description: 'search', parameters: { type: 'object', properties: { query: { type: 'string' } } } }],
      invokeTool: async (name, args) => {
        await sleep(TOOL_MS);
        return { ok: true, name, args, passages: ['We open at 9.'] };
      },
    });
    const start = bridge.issue();
    const phone = await SimPhone.connect(start);
    const conn = await fake.connection(0);
    await conn.waitFor('response.create');
    phone.startSilence();
    await sleep(100);
    const stalls = watchLoopStalls();
    const t0 = performance.now();
    conn.functionCall('search_knowledge_base', { query: 'hours' });
    // The model says "let me check" while the tool runs: 800 ms in 20 ms deltas, real time.
    const ids = conn.startResponse();
    const speaking = conn.streamAudio(ids, fakeSpeech(800), { deltaMs: 20, paceMs: 20 });
    const output = await conn.waitFor('conversation.item.create', (e) => (e['item'] as Record<string, unknown>)['type'] === 'function_call_output');
    const t1 = performance.now();
    // A stall of the whole process delays phone, bridge and fake alike; a tool in the audio path would add ~TOOL_MS.
    const budgetMs = 60 + Math.min(stalls.stop(), 150);
    expect(t1 - t0).toBeGreaterThanOrEqual(TOOL_MS - 5);
    expect(JSON.parse((output['item'] as Record<string, string>)['output']!)).toMatchObject({ ok: true, passages: ['We open at 9.'] });
    // A response is active: response.create must wait for its response.done.
    expect(conn.eventsOf('response.create').length).toBe(1);
    await speaking;
    conn.endResponse(ids);
    await conn.waitFor('response.create', () => conn.eventsOf('response.create').length === 2);
    // No gap over 60 ms added by the bridge: every frame crosses it in < 60 ms both ways while
    // the tool runs (measured per frame, so the test's own timer jitter under load does not count;
    // a stall of the whole process, measured, is added, capped far below TOOL_MS).
    const inboundFrames = phone.framesSentAt.length - conn.appendedAt.length;
    expect(inboundFrames).toBeGreaterThanOrEqual(0);
    expect(maxDelay(phone.framesSentAt.slice(inboundFrames), conn.appendedAt, t0, t1)).toBeLessThan(budgetMs);
    expect(maxDelay(conn.audioSentAt, phone.mediaArrivals, t0, t1)).toBeLessThan(budgetMs);
    expect(conn.audioSentAt.filter((t) => t >= t0 && t <= t1).length).toBeGreaterThan(15);
    expect(maxGap(conn.appendedAt, t0, t1)).toBeLessThan(250); // frames kept coming throughout
    phone.hangUp();
    await until(() => bridge.records.length === 1);
    expect(bridge.records[0]!.toolCalls).toEqual([expect.objectContaining({ name: 'search_knowledge_base', ok: true })]);
    expect(bridge.records[0]!.served).toBe(true);
  });
});

describe('tool failures', () => {
  it('a throwing or timed-out tool gives a spoken-safe refusal and is recorded', async () => {
    const { fake, bridge } = await setup(silent, {
      voice: { toolTimeoutMs: 100 },
      invokeTool: async (name) => {
        if (name === 'boom') throw new Error('kaput');
        await sleep(1000);
        return {};
      },
    });
    const phone = await SimPhone.connect(bridge.issue());
    const conn = await fake.connection(0);
    await conn.waitFor('response.create');
    conn.functionCall('boom', {});
    conn.functionCall('slow', {});
    await until(() => conn.eventsOf('conversation.item.create').length === 2);
    for (const e of conn.eventsOf('conversation.item.create')) {
      expect(JSON.parse((e['item'] as Record<string, string>)['output']!)).toMatchObject({ ok: false, error: 'tool_failed' });
    }
    phone.hangUp();
    await until(() => bridge.records.length === 1);
    const calls = bridge.records[0]!.toolCalls;
    expect(calls.map((c) => [c.name, c.ok])).toEqual(expect.arrayContaining([['boom', false], ['slow', false]]));
    expect(calls.find((c) => c.name === 'slow')!.error).toMatch(/timed out/);
  });
});

describe('thinking chime', () => {
  const chime = { enabled: true, triggerMs: 200, everyMs: 300, maxSeconds: 1 };

  it('plays at trigger then every period while waiting, never past the max', async () => {
    const { fake, bridge } = await setup(silent, { voice: { chime } });
    const phone = await SimPhone.connect(bridge.issue());
    const conn = await fake.connection(0);
    await conn.waitFor('response.create');
    const stalls = watchLoopStalls();
    const t0 = performance.now();
    conn.speechStopped();
    await sleep(1400);
    const starts = chimeStarts(phone).map((t) => t - t0);
    expect(starts.length).toBe(3); // 200, 500, 800; 1100 ≥ 1 s max
    // Timers fire late by however long the whole process stalled (measured, capped below a period).
    const toleranceMs = 40 + Math.min(stalls.stop(), 100);
    [200, 500, 800].forEach((due, i) => expect(Math.abs(starts[i]! - due)).toBeLessThan(toleranceMs));
    phone.hangUp();
  });

  it('stops when the caller speaks and when assistant audio begins (assistant has priority)', async () => {
    const { fake, bridge } = await setup(silent, { voice: { chime } });
    const phone = await SimPhone.connect(bridge.issue());
    const conn = await fake.connection(0);
    await conn.waitFor('response.create');
    conn.speechStopped();
    await sleep(350);
    expect(chimeStarts(phone).length).toBe(1);
    conn.speechStarted();
    await sleep(600);
    expect(chimeStarts(phone).length).toBe(1);
    conn.speechStopped();
    await sleep(100);
    const ids = conn.startResponse();
    await conn.streamAudio(ids, fakeSpeech(600), { deltaMs: 100, paceMs: 100 });
    conn.endResponse(ids);
    await sleep(300);
    expect(chimeStarts(phone).length).toBe(1);
    phone.hangUp();
  });

  it('is absent when disabled', async () => {
    const { fake, bridge } = await setup(silent);
    const phone = await SimPhone.connect(bridge.issue());
    const conn = await fake.connection(0);
    await conn.waitFor('response.create');
    conn.speechStopped();
    conn.functionCall('anything', {});
    await sleep(1000);
    expect(chimeStarts(phone).length).toBe(0);
    expect(phone.mediaArrivals.length).toBe(0);
    phone.hangUp();
  });
});

describe('realtime failures', () => {
  it('reconnects once after a drop with the same config and a recap, without greeting again', async () => {
    const { fake, bridge } = await setup({});
    const phone = await SimPhone.connect(bridge.issue());
    const conn = await fake.connection(0);
    await until(() => phone.audioReceived().length >= 400 * 8);
    await sleep(250); // the transcript event follows the last delta by one pace step
    const firstUpdate = await conn.waitFor('session.update');
    conn.drop();
    const conn2 = await fake.connection(1);
    const update = await conn2.waitFor('session.update');
    expect(update['session']).toEqual(firstUpdate['session']);
    const recap = await conn2.waitFor('conversation.item.create');
    expect(JSON.stringify(recap)).toContain('Hello, how can I help?');
    expect(conn2.eventsOf('response.create').length).toBe(0);
    const ids = conn2.startResponse();
    conn2.audioDelta(ids, fakeSpeech(100, 5));
    await until(() => phone.audioReceived().length >= 500 * 8);
    phone.hangUp();
    await until(() => bridge.records.length === 1);
    expect(bridge.records[0]!.reconnects).toBe(1);
    expect(await bridge.metricValue('voz_voice_reconnects_total', { outcome: 'ok' })).toBe(1);
  });

  it('tells the reconnected model the result of a tool that finished while it was away', async () => {
    const { fake, bridge } = await setup(silent, {
      tools: [{ type: 'function', name: 'search_knowledge_base', description: 'search', parameters: { type: 'object', properties: {} } }],
      invokeTool: async () => {
        await sleep(300);
        return { ok: true, passages: ['We open at 9.'] };
      },
    });
    const phone = await SimPhone.connect(bridge.issue());
    const conn = await fake.connection(0);
    await conn.waitFor('response.create');
    conn.functionCall('search_knowledge_base', {});
    await sleep(50);
    conn.drop();
    const conn2 = await fake.connection(1);
    await conn2.waitFor('session.update');
    const told = await conn2.waitFor('conversation.item.create', (e) => JSON.stringify(e).includes('We open at 9.'));
    expect(JSON.stringify(told)).toContain('search_knowledge_base returned');
    await conn2.waitFor('response.create');
    // The old call_id means nothing to the new session: no function_call_output is sent to it.
    expect(conn2.eventsOf('conversation.item.create').some((e) => (e['item'] as Record<string, unknown>)['type'] === 'function_call_output')).toBe(false);
    phone.hangUp();
    await until(() => bridge.records.length === 1);
    expect(bridge.records[0]!.toolCalls).toEqual([expect.objectContaining({ name: 'search_knowledge_base', ok: true })]);
  });

  it('closes the stream (TwiML fallback) when the reconnect fails', async () => {
    const { fake, bridge } = await setup(silent);
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

  it('survives a failed first connect by retrying once', async () => {
    const { fake, bridge } = await setup({ ...silent, refuseUpgrades: 1 });
    const phone = await SimPhone.connect(bridge.issue());
    const conn = await fake.connection(0);
    await conn.waitFor('response.create');
    expect(phone.isOpen).toBe(true);
    phone.hangUp();
  });

  it('logs an OpenAI error once per code', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'info' }, new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) }));
    const { fake, bridge } = await setup(silent, { log });
    const phone = await SimPhone.connect(bridge.issue());
    const conn = await fake.connection(0);
    await conn.waitFor('response.create');
    conn.error('rate_limited', 'slow down');
    conn.error('rate_limited', 'slow down');
    conn.error('other', 'x');
    await sleep(100);
    expect(lines.filter((l) => l.includes('"realtime_error"') && l.includes('rate_limited')).length).toBe(1);
    expect(lines.filter((l) => l.includes('"realtime_error"')).length).toBe(2);
    expect(await bridge.metricValue('voz_voice_realtime_errors_total', { code: 'rate_limited' })).toBe(2);
    phone.hangUp();
  });

  it.each([
    ['ga', [['audio']], ['audio', 'text']],
    ['beta', [['audio', 'text']], ['text', 'audio']],
  ] as const)('%s: a refused modality set is retried once and remembered for later calls', async (dialect, refuse, expected) => {
    const { fake, bridge } = await setup({ ...silent, refuseModalities: refuse.map((r) => [...r]) }, { voice: { dialect } });
    const phone = await SimPhone.connect(bridge.issue());
    const conn = await fake.connection(0);
    await until(() => conn.eventsOf('session.update').length === 2);
    const key = dialect === 'ga' ? 'output_modalities' : 'modalities';
    expect((conn.eventsOf('session.update')[1]!['session'] as Record<string, unknown>)[key]).toEqual(expected);
    await until(() => conn.eventsOf('response.create').length === 2);
    phone.hangUp();
    const phone2 = await SimPhone.connect(bridge.issue());
    const conn2 = await fake.connection(1);
    const u = await conn2.waitFor('session.update');
    expect((u['session'] as Record<string, unknown>)[key]).toEqual(expected);
    await sleep(50);
    expect(conn2.eventsOf('session.update').length).toBe(1);
    phone2.hangUp();
  });
});

describe('resource hygiene', () => {
  it('100 sequential calls leave no socket or timer behind', async () => {
    const { fake, bridge } = await setup(silent);
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const baseline = timers();
    for (let i = 0; i < 100; i++) {
      const phone = await SimPhone.connect(bridge.issue());
      const conn = await fake.connection(i);
      await conn.waitFor('response.create');
      if (i % 2 === 0) phone.hangUp();
      else phone.drop();
      await until(() => bridge.records.length === i + 1);
    }
    await until(() => fake.openConnections === 0, 2000, 'realtime sockets closed');
    const connections = () => new Promise<number>((r) => bridge.app.server.getConnections((_e, n) => r(n)));
    const end = performance.now() + 2000;
    while ((await connections()) > 0 && performance.now() < end) await sleep(10);
    expect(await connections()).toBe(0);
    await sleep(50);
    expect(await bridge.metricValue('voz_voice_active_calls')).toBe(0);
    expect(timers()).toBeLessThanOrEqual(baseline);
  }, 60_000);
});
