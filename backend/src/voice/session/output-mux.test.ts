import { afterEach, describe, expect, it, vi } from 'vitest';
import { chimeFrames } from '../chime-tone.js';
import { CallRecorder } from './call-recorder.js';
import { guardWith } from './guard.js';
import { OutputMux, type PlayedOutcome, type TwilioSink } from './output-mux.js';

/** 30 ms of μ-law as base64 (240 bytes = 320 chars). */
const FRAME_30MS = Buffer.alloc(240, 0x7f).toString('base64');

function setup(chime = false) {
  const sent: Record<string, unknown>[] = [];
  const push = (...texts: string[]) => texts.forEach((t) => sent.push(JSON.parse(t) as Record<string, unknown>));
  const twilio: TwilioSink = { send: push, sendMedia: push, sendMediaAndMark: push };
  const rec = new CallRecorder();
  const failures: string[] = [];
  let now = 0;
  const mux = new OutputMux({
    twilio,
    frames: rec.frames,
    chime: { options: { enabled: chime, triggerMs: 800, everyMs: 1200, maxSeconds: 30 }, frames: chime ? chimeFrames() : null },
    guard: guardWith((where) => failures.push(where)),
    now: () => now,
  });
  mux.begin('MZ1');
  const marks = () => sent.filter((m) => m['event'] === 'mark').map((m) => (m['mark'] as { name: string }).name);
  const delta = (ms: number, responseId = 'r1', itemId = 'i1') =>
    mux.assistantDelta({ kind: 'audioDelta', responseId, itemId, contentIndex: 0, delta: FRAME_30MS.repeat(ms / 30) }, now);
  return { mux, sent, rec, failures, marks, delta, at: (t: number) => (now = t) };
}

afterEach(() => vi.useRealTimers());

describe('OutputMux', () => {
  it('nothing goes out before the stream started', () => {
    const sent: string[] = [];
    const sink: TwilioSink = { send: (t) => sent.push(t), sendMedia: (t) => sent.push(t), sendMediaAndMark: (...t) => sent.push(...t) };
    const mux = new OutputMux({ twilio: sink, frames: new CallRecorder().frames, chime: { options: { enabled: false, triggerMs: 1, everyMs: 1, maxSeconds: 1 }, frames: null }, guard: guardWith(() => undefined), now: () => 0 });
    expect(mux.started).toBe(false);
    mux.assistantDelta({ kind: 'audioDelta', responseId: 'r', itemId: 'i', contentIndex: 0, delta: FRAME_30MS }, 0);
    mux.endOfAudio();
    expect(mux.interrupt(0, 'r')).toBeNull();
    expect(sent).toEqual([]);
  });

  it('cuts a delta into 30 ms frames addressed to the stream, with sparse marks and an end-of-audio mark', () => {
    const { sent, rec, marks, delta, mux } = setup();
    delta(300);
    const media = sent.filter((m) => m['event'] === 'media');
    expect(media).toHaveLength(10);
    expect(media.every((m) => m['streamSid'] === 'MZ1' && (m['media'] as { payload: string }).payload === FRAME_30MS)).toBe(true);
    expect(marks()).toEqual(['a1.0', 'a1.7']);
    mux.endOfAudio();
    mux.endOfAudio(); // nothing new to cover
    expect(marks()).toEqual(['a1.0', 'a1.7', 'a1.9']);
    expect(rec.frames).toMatchObject({ out: 10, marksOut: 3 });
  });

  it('an echoed assistant mark says the caller heard it; stale or unknown ones do not', () => {
    const { mux, delta, rec } = setup();
    delta(60);
    expect(mux.echoed('a1.0', 30)).toBe(true);
    expect(mux.echoed('a9.1', 40)).toBe(false);
    expect(mux.echoed('nonsense', 50)).toBe(false);
    expect(rec.frames.marksIn).toBe(3);
  });

  it('whenPlayed: on the echo that covers the last frame sent, not before, never on a timer', () => {
    const { mux, delta, marks, at } = setup();
    const outcomes: PlayedOutcome[] = [];
    delta(300);
    mux.endOfAudio();
    mux.whenPlayed((o) => outcomes.push(o));
    at(10_000);
    mux.echoed('a1.7', 240);
    expect(outcomes).toEqual([]);
    mux.echoed(marks().at(-1)!, 300);
    expect(outcomes).toEqual(['played']);
    mux.whenPlayed((o) => outcomes.push(o)); // nothing pending: at once
    expect(outcomes).toEqual(['played', 'played']);
  });

  it('whenPlayed: a barge-in or the end of the call settles the wait with why', () => {
    const { mux, delta } = setup();
    const outcomes: PlayedOutcome[] = [];
    delta(90);
    mux.whenPlayed((o) => outcomes.push(o));
    mux.interrupt(10, 'r1');
    expect(outcomes).toEqual(['interrupted']);
    delta(90, 'r2', 'i2');
    mux.whenPlayed((o) => outcomes.push(o));
    mux.close();
    mux.whenPlayed((o) => outcomes.push(o));
    expect(outcomes).toEqual(['interrupted', 'ended', 'ended']);
  });

  it('whenPlayed: a waiter that throws is logged and counted, the mux goes on', () => {
    const { mux, failures } = setup();
    mux.whenPlayed(() => {
      throw new Error('boom');
    });
    expect(failures).toEqual(['when_played']);
  });

  it('interrupt: clear first, then what was heard; nothing to cut when idle', () => {
    const { mux, delta, sent } = setup();
    expect(mux.interrupt(0, null)).toBeNull();
    delta(300);
    mux.echoed('a1.0', 30);
    const cut = mux.interrupt(130, 'r1');
    expect(sent.at(-1)).toEqual({ event: 'clear', streamSid: 'MZ1' });
    expect(cut).toEqual({ truncation: { itemId: 'i1', contentIndex: 0, audioEndMs: 130 }, responseIds: ['r1'] });
    expect(mux.interrupt(140, null)).toBeNull();
  });

  describe('chime', () => {
    it('plays into an idle line while waiting, one mark per burst, and is cleared before assistant audio', () => {
      vi.useFakeTimers();
      const { mux, sent, marks, at, delta } = setup(true);
      mux.startWaiting();
      at(800);
      vi.advanceTimersByTime(800);
      expect(mux.chimes).toBe(1);
      expect(sent.filter((m) => m['event'] === 'media')).toHaveLength(chimeFrames().frames.length);
      expect(marks()).toEqual([`c1.${chimeFrames().frames.length - 1}`]);
      // Assistant audio starts while the chime is still queued at Twilio: clear it first.
      delta(30);
      const clearAt = sent.findIndex((m) => m['event'] === 'clear');
      expect(clearAt).toBeGreaterThan(0);
      expect(sent.slice(clearAt + 1).some((m) => m['event'] === 'media')).toBe(true);
      at(5000);
      vi.advanceTimersByTime(5000);
      expect(mux.chimes).toBe(1); // assistant audio ended the wait
    });

    it('leaves no timer behind when the call ends', () => {
      vi.useFakeTimers();
      const { mux } = setup(true);
      mux.startWaiting();
      expect(vi.getTimerCount()).toBe(1);
      mux.close();
      expect(vi.getTimerCount()).toBe(0);
    });
  });
});
