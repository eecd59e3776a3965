import { describe, expect, it } from 'vitest';
import { busyEnd, type Sample, type SettleOptions } from './settle.js';

const o: SettleOptions = { minMs: 1000, quietMs: 1000, quietShare: 0.03, maxMs: 10_000 };
/** Samples every 250 ms from per-interval ticks (1 tick = 10 ms of CPU). */
const samples = (ticks: number[]): Sample[] => {
  let sum = 0;
  return [[0, 0], ...ticks.map((t, i): Sample => [(i + 1) * 250, (sum += t)])];
};

describe('busyEnd', () => {
  it('waits out the minimum even when the server is quiet from the start', () => {
    expect(busyEnd(samples([0, 0, 0]), o)).toBeNull();
    expect(busyEnd(samples([0, 0, 0, 0]), o)).toEqual([0, 0]);
  });

  it('ends the busy part where the quiet span opens, leaving its idle ticks out', () => {
    const s = samples([20, 20, 10, 0, 0, 1, 0, 0]);
    expect(busyEnd(s, o)).toEqual([1000, 50]);
  });

  it('is null while the last span still works (a summary 3 s after the call)', () => {
    expect(busyEnd(samples([20, 0, 0, 0, 0, 0, 15]), o)).toBeNull();
  });
});
