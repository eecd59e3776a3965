import { describe, expect, it } from 'vitest';
import { nextPollDelay } from './jobs.js';

const o = { pollMs: 500, idlePollMs: 4000 };

describe('job worker poll delay', () => {
  it('backs off while idle, doubling up to idlePollMs', () => {
    const delays: number[] = [];
    let d = o.pollMs;
    for (let i = 0; i < 6; i++) delays.push((d = nextPollDelay(0, d, o)));
    expect(delays).toEqual([1000, 2000, 4000, 4000, 4000, 4000]);
  });

  it('comes back to pollMs as soon as a batch ran jobs', () => {
    expect(nextPollDelay(3, 4000, o)).toBe(500);
  });

  it('never polls faster than pollMs, nor backs off when idlePollMs is not above it', () => {
    expect(nextPollDelay(0, 100, o)).toBe(500);
    expect(nextPollDelay(0, 500, { pollMs: 500, idlePollMs: 500 })).toBe(500);
  });
});
