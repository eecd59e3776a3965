import { describe, expect, it } from 'vitest';
import { MARK_EVERY_MS, PlaybackTracker } from './playback-tracker.js';

const never = () => false;
/** 30 ms frame. */
const F = 240;

/** Sends `n` 30 ms frames of one item at `at`; returns the mark names that were due. */
function send(t: PlaybackTracker, item: string, resp: string, n: number, at: number): string[] {
  t.beginDelta(item, resp, 0);
  const marks: string[] = [];
  for (let i = 0; i < n; i++) {
    const m = t.sent(F, at);
    if (m !== null) marks.push(m);
  }
  return marks;
}

describe('PlaybackTracker', () => {
  it('marks the first frame of an item, then every ≥ 200 ms, and markNow covers the rest', () => {
    const t = new PlaybackTracker();
    t.beginDelta('i1', 'r1', 0);
    const due = Array.from({ length: 20 }, () => t.sent(F, 0));
    // frame 0 (anchor), then each frame completing ≥ 200 ms since the last mark (7 × 30 ms).
    expect(due.map((m, i) => (m === null ? null : i)).filter((i) => i !== null)).toEqual([0, 7, 14]);
    expect(due[0]).toBe('a1.0');
    expect(due[7]).toBe('a1.7');
    expect(t.markNow()).toBe('a1.19');
    expect(t.markNow()).toBeNull();
    expect(MARK_EVERY_MS).toBe(200);
  });

  it('acks pop every frame up to the mark; playback ends when the last mark echoes', () => {
    const t = new PlaybackTracker();
    send(t, 'i1', 'r1', 2, 0);
    const end = t.markNow()!;
    expect(t.acked('a1.0', 30)).toBe(true);
    expect(t.playedMs('i1', 30)).toBe(30);
    expect(t.hasUnplayedAssistant).toBe(true);
    expect(t.acked(end, 60)).toBe(true);
    expect(t.hasUnplayedAssistant).toBe(false);
    expect(t.playedMs('i1', 100)).toBe(60);
    expect(t.acked(end, 61)).toBe(false); // stale
  });

  it('continuous playback: replays exactly between sparse marks', () => {
    const t = new PlaybackTracker();
    send(t, 'i1', 'r1', 100, 0); // 3 s sent at once (faster than real time)
    expect(t.playedMs('i1', 0)).toBe(0);
    expect(t.playedMs('i1', 10)).toBe(10);
    t.acked('a1.0', 30); // first frame played by 30
    expect(t.playedMs('i1', 45)).toBe(45);
    t.acked('a1.7', 241); // echo 1 ms late: the replay re-anchors on it
    expect(t.playedMs('i1', 500)).toBe(499);
    expect(t.playedMs('i1', 1_000_000)).toBe(3000); // capped at what was sent
  });

  it('stall mid-response: a frame sent after the buffer ran dry starts when it was sent', () => {
    const t = new PlaybackTracker();
    send(t, 'i1', 'r1', 10, 0); // 300 ms
    t.acked('a1.7', 240);
    // frames 8, 9 play 240–300; the server stalls; 5 frames arrive at 1000
    send(t, 'i1', 'r1', 5, 1000);
    expect(t.playedMs('i1', 290)).toBe(290);
    expect(t.playedMs('i1', 700)).toBe(300);
    expect(t.playedMs('i1', 1010)).toBe(310);
    expect(t.playedMs('i1', 1100)).toBe(400);
    // no echo at all since the stall, a new frame sent late again
    send(t, 'i1', 'r1', 1, 2000);
    expect(t.playedMs('i1', 2015)).toBe(465);
  });

  it('interrupt truncates the playing item at what was heard and drops its response', () => {
    const t = new PlaybackTracker();
    send(t, 'i1', 'r1', 10, 0);
    t.acked('a1.0', 30);
    const r = t.interrupt(100, never);
    expect(r.truncation).toEqual({ itemId: 'i1', contentIndex: 0, audioEndMs: 100 });
    expect(r.responseIds).toEqual(['r1']);
    expect(t.generation).toBe(2);
    // echoes of cleared marks are ignored
    expect(t.acked('a1.7', 101)).toBe(false);
    expect(t.hasUnplayedAssistant).toBe(false);
  });

  it('clear then a new response: the new item starts when it is sent and is tracked alone', () => {
    const t = new PlaybackTracker();
    send(t, 'i1', 'r1', 10, 0);
    t.interrupt(100, never);
    const marks = send(t, 'i2', 'r2', 10, 500);
    expect(marks[0]).toBe('a2.10');
    expect(t.playedMs('i1', 600)).toBe(0); // forgotten
    expect(t.playedMs('i2', 600)).toBe(100);
    t.acked(marks[0]!, 530);
    const r = t.interrupt(650, never);
    expect(r.truncation).toEqual({ itemId: 'i2', contentIndex: 0, audioEndMs: 150 });
    expect(r.responseIds).toEqual(['r2']);
  });

  it('chime frames take their place on the timeline but count for no item', () => {
    const t = new PlaybackTracker();
    t.sentChime(1440, 0); // 180 ms
    const c = t.markNow();
    expect(c).toBe('c1.0');
    expect(t.hasUnplayedChime).toBe(true);
    expect(t.hasUnplayedAssistant).toBe(false);
    // assistant audio queued behind the chime, sent at 100: plays from 180
    send(t, 'i1', 'r1', 4, 100);
    expect(t.playedMs('i1', 150)).toBe(0);
    expect(t.playedMs('i1', 200)).toBe(20);
    t.acked(c!, 181);
    expect(t.hasUnplayedChime).toBe(false);
    expect(t.playedMs('i1', 201)).toBe(20);
    expect(t.interrupt(201, never).truncation).toEqual({ itemId: 'i1', contentIndex: 0, audioEndMs: 20 });
  });

  it('discard drops a queued chime and starts a new generation', () => {
    const t = new PlaybackTracker();
    t.sentChime(1440, 200);
    t.discard();
    expect(t.hasUnplayedChime).toBe(false);
    expect(t.generation).toBe(2);
    expect(t.markNow()).toBeNull();
  });

  it('no truncation when everything was heard and the response is over', () => {
    const t = new PlaybackTracker();
    send(t, 'i1', 'r1', 1, 0);
    t.acked('a1.0', 30);
    expect(t.interrupt(40, never)).toEqual({ truncation: null, responseIds: [] });
  });

  it('truncates at the sent length when the response is still generating but all was heard', () => {
    const t = new PlaybackTracker();
    send(t, 'i1', 'r1', 1, 0);
    t.acked('a1.0', 30);
    expect(t.interrupt(40, (id) => id === 'r1').truncation).toEqual({ itemId: 'i1', contentIndex: 0, audioEndMs: 30 });
  });

  it('all pending audio played by interpolation (no echo yet): the last item, capped', () => {
    const t = new PlaybackTracker();
    send(t, 'i1', 'r1', 2, 0);
    expect(t.interrupt(500, (id) => id === 'r1').truncation).toEqual({ itemId: 'i1', contentIndex: 0, audioEndMs: 60 });
  });

  it('grows the ring past its initial size without losing frames', () => {
    const t = new PlaybackTracker();
    send(t, 'i1', 'r1', 1000, 0);
    expect(t.playedMs('i1', 29_999)).toBe(29_999);
    t.acked('a1.499', 15_000); // frames 0..499 = 15 s
    expect(t.playedMs('i1', 20_000)).toBe(20_000);
  });

  it('ignores unknown and foreign mark names', () => {
    const t = new PlaybackTracker();
    send(t, 'i1', 'r1', 1, 0);
    for (const n of ['zzz', 'a9.0', 'a1.x', 'a1.', 'a.0', 'a1.0x', 'a1.5']) expect(t.acked(n, 1)).toBe(false);
    expect(t.acked('a1.0', 1)).toBe(true);
  });
});
