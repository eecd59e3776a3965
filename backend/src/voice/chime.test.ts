import { describe, expect, it } from 'vitest';
import { chimeFrames, chimeToneBytes, CHIME_TONE_MS } from './chime-tone.js';
import { ChimeSchedule, chimeDueAt, chimeMayPlay, mustClearChimeBeforeAssistant } from './chime-schedule.js';
import { linearToMulaw, mulawToLinear } from './mulaw-codec.js';

const timing = { triggerMs: 800, everyMs: 1200, maxSeconds: 30 };

describe('chime tone', () => {
  it('is deterministic, the right length, and fades in from silence', () => {
    const a = chimeToneBytes();
    expect(a.equals(chimeToneBytes())).toBe(true);
    expect(a.length).toBe(CHIME_TONE_MS * 8);
    expect(Math.abs(mulawToLinear(a[0]!))).toBeLessThan(64);
    const peak = Math.max(...[...a].map((b) => Math.abs(mulawToLinear(b))));
    expect(peak).toBeGreaterThan(4000);
    expect(peak).toBeLessThan(9000);
  });

  it('is pre-cut into outbound frames that join back to the tone', () => {
    const f = chimeFrames();
    expect(f.frames.length).toBe(6);
    expect(Buffer.concat(f.frames.map((s) => Buffer.from(s, 'base64'))).equals(chimeToneBytes())).toBe(true);
    expect(f.bytesPerFrame.reduce((x, y) => x + y, 0)).toBe(1440);
  });

  it('mu-law codec round-trips within quantisation error', () => {
    for (const v of [0, 100, -100, 1000, -5000, 30000]) {
      const back = mulawToLinear(linearToMulaw(v));
      expect(Math.abs(back - v)).toBeLessThanOrEqual(Math.max(8, Math.abs(v) / 16));
    }
  });
});

describe('chime schedule', () => {
  it('first at trigger, then every period, never past the max', () => {
    expect(chimeDueAt(1000, 0, timing)).toBe(1800);
    expect(chimeDueAt(1000, 1, timing)).toBe(3000);
    expect(chimeDueAt(1000, 24, timing)).toBe(1000 + 800 + 24 * 1200);
    expect(chimeDueAt(1000, 25, timing)).toBeNull(); // 30800 ms ≥ 30 s
  });

  it('starts, fires on time, skips missed slots, stops', () => {
    const s = new ChimeSchedule(timing);
    expect(s.nextDueAt()).toBeNull();
    s.start(0);
    s.start(500); // already waiting: keeps the original start
    expect(s.nextDueAt()).toBe(800);
    expect(s.take(799)).toBe(false);
    expect(s.take(800)).toBe(true);
    expect(s.nextDueAt()).toBe(2000);
    expect(s.take(4500)).toBe(true); // late timer: one chime, missed slots skipped
    expect(s.nextDueAt()).toBe(5600);
    s.stop();
    expect(s.waiting).toBe(false);
    expect(s.take(10_000)).toBe(false);
  });

  it('mux: assistant audio has priority; a queued chime is cleared when the assistant starts', () => {
    expect(chimeMayPlay({ assistantUnplayed: false, chimeUnplayed: false })).toBe(true);
    expect(chimeMayPlay({ assistantUnplayed: true, chimeUnplayed: false })).toBe(false);
    expect(chimeMayPlay({ assistantUnplayed: false, chimeUnplayed: true })).toBe(false);
    expect(mustClearChimeBeforeAssistant({ chimeUnplayed: true, assistantUnplayed: false })).toBe(true);
    expect(mustClearChimeBeforeAssistant({ chimeUnplayed: false, assistantUnplayed: false })).toBe(false);
  });
});
