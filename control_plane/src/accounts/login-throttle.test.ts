import { describe, expect, it } from 'vitest';
import { afterFailure, throttleKeys } from './login-throttle.js';

const MIN = 60_000;
const policy = { maxFailures: 3, windowMs: 15 * MIN, blockMs: 10 * MIN };
const at = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 12, 0) + minutes * MIN);

describe('afterFailure', () => {
  it('counts failures in the window and blocks at the limit', () => {
    const s1 = afterFailure(undefined, at(0), policy);
    const s2 = afterFailure(s1, at(1), policy);
    const s3 = afterFailure(s2, at(2), policy);
    expect([s1.failures, s2.failures, s3.failures]).toEqual([1, 2, 3]);
    expect(s2.blocked_until).toBeNull();
    expect(s3.blocked_until).toEqual(at(12));
    expect(s3.window_start).toEqual(at(0));
  });

  it('starts over once the window has passed', () => {
    const s2 = afterFailure(afterFailure(undefined, at(0), policy), at(1), policy);
    const later = afterFailure(s2, at(15), policy);
    expect(later).toEqual({ failures: 1, window_start: at(15), blocked_until: null });
  });

  it('starts over once a block has ended, rather than blocking again at the next failure', () => {
    const blocked = { failures: 3, window_start: at(0), blocked_until: at(10) };
    expect(afterFailure(blocked, at(11), { ...policy, windowMs: 60 * MIN })).toEqual({ failures: 1, window_start: at(11), blocked_until: null });
  });
});

describe('throttleKeys', () => {
  it('keys by hashes, never the email or address in clear', () => {
    const k = throttleKeys('owner@x.test', '203.0.113.9');
    expect(k.email).toMatch(/^email:[0-9a-f]{64}$/);
    expect(k.ip).toMatch(/^ip:[0-9a-f]{64}$/);
    expect(JSON.stringify(k)).not.toContain('owner');
    expect(JSON.stringify(k)).not.toContain('203.0');
  });
});
