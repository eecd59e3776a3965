import { describe, expect, it } from 'vitest';
import { PlaybackTracker } from './playback-tracker.js';

const never = () => false;

describe('PlaybackTracker', () => {
  it('names marks with the generation and acks in order', () => {
    const t = new PlaybackTracker();
    const m1 = t.sent('i1', 'r1', 0, 240, 0);
    const m2 = t.sent('i1', 'r1', 0, 240, 0);
    expect(m1).toBe('a1.1');
    expect(m2).toBe('a1.2');
    expect(t.acked(m1, 30)).toBe(true);
    expect(t.playedMs('i1', 30)).toBe(30);
    expect(t.hasUnplayedAssistant).toBe(true);
    expect(t.acked(m2, 60)).toBe(true);
    expect(t.hasUnplayedAssistant).toBe(false);
    expect(t.playedMs('i1', 100)).toBe(60);
  });

  it('an ack of a later mark acks every frame before it', () => {
    const t = new PlaybackTracker();
    t.sent('i1', 'r1', 0, 240, 0);
    const m2 = t.sent('i1', 'r1', 0, 240, 0);
    t.acked(m2, 60);
    expect(t.playedMs('i1', 60)).toBe(60);
  });

  it('interpolates inside the playing frame, starting no earlier than it was sent', () => {
    const t = new PlaybackTracker();
    const m1 = t.sent('i1', 'r1', 0, 240, 0);
    t.sent('i1', 'r1', 0, 240, 0);
    expect(t.playedMs('i1', 10)).toBe(10);
    t.acked(m1, 30);
    expect(t.playedMs('i1', 45)).toBe(45);
    expect(t.playedMs('i1', 500)).toBe(60); // capped at the frame's end
    // stall: buffer ran dry at 60; next frame sent at 1000
    const t2 = new PlaybackTracker();
    const a = t2.sent('i1', 'r1', 0, 240, 0);
    t2.acked(a, 30);
    t2.sent('i1', 'r1', 0, 240, 1000);
    expect(t2.playedMs('i1', 1010)).toBe(40);
  });

  it('interrupt truncates the playing item at what was heard and drops its response', () => {
    const t = new PlaybackTracker();
    const names = Array.from({ length: 10 }, () => t.sent('i1', 'r1', 0, 240, 0));
    t.acked(names[2]!, 90);
    const r = t.interrupt(100, never);
    expect(r.truncation).toEqual({ itemId: 'i1', contentIndex: 0, audioEndMs: 100 });
    expect(r.responseIds).toEqual(['r1']);
    expect(t.generation).toBe(2);
    // echoes of cleared marks are ignored
    expect(t.acked(names[5]!, 101)).toBe(false);
    expect(t.hasUnplayedAssistant).toBe(false);
    expect(t.sent('i2', 'r2', 0, 240, 200)).toBe('a2.11');
  });

  it('no truncation when everything was heard and the response is over', () => {
    const t = new PlaybackTracker();
    const m = t.sent('i1', 'r1', 0, 240, 0);
    t.acked(m, 30);
    expect(t.interrupt(40, never)).toEqual({ truncation: null, responseIds: [] });
  });

  it('truncates at the sent length when the response is still generating but all was heard', () => {
    const t = new PlaybackTracker();
    const m = t.sent('i1', 'r1', 0, 240, 0);
    t.acked(m, 30);
    expect(t.interrupt(40, (id) => id === 'r1').truncation).toEqual({ itemId: 'i1', contentIndex: 0, audioEndMs: 30 });
  });

  it('chime frames share the queue but are not assistant audio', () => {
    const t = new PlaybackTracker();
    const c = t.sentChime(1440, 0);
    expect(c).toBe('c1.1');
    expect(t.hasUnplayedChime).toBe(true);
    expect(t.hasUnplayedAssistant).toBe(false);
    t.acked(c, 180);
    expect(t.hasUnplayedChime).toBe(false);
    t.sentChime(1440, 200);
    t.discard();
    expect(t.hasUnplayedChime).toBe(false);
    expect(t.generation).toBe(2);
  });

  it('ignores unknown and foreign mark names', () => {
    const t = new PlaybackTracker();
    t.sent('i1', 'r1', 0, 240, 0);
    expect(t.acked('zzz', 1)).toBe(false);
    expect(t.acked('a9.1', 1)).toBe(false);
    expect(t.acked('a1.x', 1)).toBe(false);
  });
});
