import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeSpeech, RealtimeFake, type FakeRealtimeConnection } from '../testing/realtime-fake/index.js';
import { startBridgeHarness, type BridgeHarness } from '../testing/twilio-sim/bridge-harness.js';
import { SimPhone } from '../testing/twilio-sim/index.js';
import { sleep, until } from '../testing/twilio-sim/waits.js';

/** Budget from the issue: truncate within ±40 ms of what the phone played. */
const TRUNCATE_TOLERANCE_MS = 40;
const BARGE_AFTER_MS = 530;

interface Case {
  dialect: 'ga' | 'beta';
  deltaMs: number;
  /** Which response of the call is interrupted (1 = first after the greeting). */
  nth: number;
  stall?: boolean;
}

const cases: Case[] = [
  { dialect: 'ga', deltaMs: 20, nth: 1 },
  { dialect: 'ga', deltaMs: 200, nth: 1 },
  { dialect: 'ga', deltaMs: 1000, nth: 1 },
  { dialect: 'ga', deltaMs: 200, nth: 3 },
  { dialect: 'ga', deltaMs: 100, nth: 1, stall: true },
  { dialect: 'beta', deltaMs: 200, nth: 1 },
  { dialect: 'beta', deltaMs: 1000, nth: 3, stall: true },
];

const fakes: Record<string, { fake: RealtimeFake; bridge: BridgeHarness }> = {};

beforeAll(async () => {
  for (const dialect of ['ga', 'beta'] as const) {
    const fake = await RealtimeFake.start({ responder: () => undefined });
    const bridge = await startBridgeHarness({ voice: { realtimeUrl: fake.url, dialect } });
    fakes[dialect] = { fake, bridge };
  }
});

afterAll(async () => {
  for (const { fake, bridge } of Object.values(fakes)) {
    await bridge.close();
    await fake.close();
  }
});

/** A response played to the end (the phone has heard all of it). */
async function fullResponse(conn: FakeRealtimeConnection, phone: SimPhone, ms: number): Promise<void> {
  const ids = conn.startResponse();
  await conn.streamAudio(ids, fakeSpeech(ms), { deltaMs: ms });
  conn.endResponse(ids);
  await sleep(ms + 40);
}

describe('barge-in', () => {
  it.each(cases)('$dialect: delta $deltaMs ms, response #$nth, stall=$stall → clear at once, truncate within ±40 ms, late deltas dropped', async (c) => {
    const { fake, bridge } = fakes[c.dialect]!;
    const index = fake.connections.length;
    const start = bridge.issue();
    const phone = await SimPhone.connect(start);
    const conn = await fake.connection(index);
    await conn.waitFor('response.create');
    for (let i = 1; i < c.nth; i++) await fullResponse(conn, phone, 200);

    const ids = conn.startResponse();
    const audio = fakeSpeech(3000, 11);
    let interrupted = false;
    let targetStart = 0;
    const firstMedia = phone.mediaArrivals.length;
    const streaming = (async () => {
      if (c.stall) {
        // 300 ms, then the server stalls longer than that: the phone's buffer runs dry.
        await conn.streamAudio(ids, audio.subarray(0, 300 * 8), { deltaMs: Math.min(c.deltaMs, 300) });
        await conn.sleep(450);
        await conn.streamAudio(ids, audio.subarray(300 * 8), { deltaMs: c.deltaMs, paceMs: c.deltaMs, stopWhen: () => interrupted });
      } else {
        await conn.streamAudio(ids, audio, { deltaMs: c.deltaMs, paceMs: c.deltaMs, stopWhen: () => interrupted });
      }
    })();
    await until(() => phone.mediaArrivals.length > firstMedia, 3000, 'first frame');
    targetStart = phone.mediaArrivals[firstMedia]!;
    const heard = () => phone.playedMsBy(performance.now()) - phone.playedMsBy(targetStart);
    await until(() => heard() >= BARGE_AFTER_MS, 4000, 'playback');

    const clearsBefore = phone.clears.length;
    const tSpeech = performance.now();
    conn.speechStarted();
    // The server keeps streaming a little before it notices: these must be dropped.
    const lateFrom = performance.now();
    for (let i = 0; i < 3; i++) conn.audioDelta(ids, fakeSpeech(100, 3));
    interrupted = true;

    const truncate = await conn.waitFor('conversation.item.truncate');
    await until(() => phone.clears.length > clearsBefore, 1000, 'clear');
    const clearAt = phone.clears[clearsBefore]!;
    expect(clearAt - tSpeech).toBeLessThan(25);
    const heardAtClear = phone.playedMsBy(clearAt) - phone.playedMsBy(targetStart);
    expect(truncate['item_id']).toBe(ids.itemId);
    expect(truncate['content_index']).toBe(0);
    const errorMs = (truncate['audio_end_ms'] as number) - heardAtClear;
    if (process.env['VOZ_DEBUG_BARGE']) console.log(`${c.dialect} delta=${c.deltaMs} nth=${c.nth} stall=${c.stall}: error ${errorMs.toFixed(1)} ms`);
    expect(Math.abs(errorMs)).toBeLessThanOrEqual(TRUNCATE_TOLERANCE_MS);

    await sleep(120);
    expect(phone.mediaArrivals.filter((t) => t > lateFrom).length).toBe(0);
    interrupted = true;
    await streaming.catch(() => undefined);
    conn.endResponse(ids, 'cancelled');
    phone.hangUp();
    await until(() => bridge.records.some((r) => r.callSid === start.callSid));
    const record = bridge.records.find((r) => r.callSid === start.callSid)!;
    expect(record.frames.lateDeltasDropped).toBeGreaterThanOrEqual(3);
    expect(record.bargeIns).toEqual([expect.objectContaining({ itemId: ids.itemId, audioEndMs: truncate['audio_end_ms'] })]);
  });
});
