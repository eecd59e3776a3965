import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, parseRetryAfter, retryDelayMs } from './backoff.js';

describe('retryDelayMs', () => {
  it('follows 5 s / 5 min / 30 min / 2 h / 5 h / 10 h / 10 h for eight attempts in all', () => {
    expect(MAX_ATTEMPTS).toBe(8);
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n, 0.5))).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
  });

  it('jitters by ±10 %', () => {
    expect(retryDelayMs(2, 0)).toBe(270_000);
    expect(retryDelayMs(2, 0.999999)).toBe(330_000);
  });

  it('takes the provider’s Retry-After instead, capped at 10 h', () => {
    expect(retryDelayMs(1, 0.5, 42_000)).toBe(42_000);
    expect(retryDelayMs(1, 0.5, 99 * 3_600_000)).toBe(36_000_000);
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Tue, 01 Dec 2026 12:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
