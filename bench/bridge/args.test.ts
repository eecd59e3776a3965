import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from './args.js';

describe('the bridge bench command line', () => {
  it('runs the full bench by default: 100 calls, 10 s, 3 rounds, every mode, the direct floor', () => {
    expect(parseBenchArgs([])).toEqual({ calls: 100, seconds: 10, rounds: 3, modes: ['bare', 'naive', 'bridge', 'app'], ci: false, warmupMs: 2000, direct: true });
  });

  it('--ci is the short gate: bare, bridge and app, 20 calls, 3 s, 3 rounds, 1 s warm-up, no floor run', () => {
    expect(parseBenchArgs(['--ci'])).toEqual({ calls: 20, seconds: 3, rounds: 3, modes: ['bare', 'bridge', 'app'], ci: true, warmupMs: 1000, direct: false });
    expect(parseBenchArgs(['--ci', '30', '4', '5'])).toMatchObject({ calls: 30, seconds: 4, rounds: 5, ci: true });
  });

  it('--ci refuses fewer than 3 rounds (the gate judges medians)', () => {
    expect(() => parseBenchArgs(['--ci', '20', '3', '2'])).toThrow(/at least 3 rounds/);
  });

  it('always measures bare, the base of every ratio', () => {
    expect(parseBenchArgs(['--modes=app']).modes).toEqual(['bare', 'app']);
    expect(() => parseBenchArgs(['--modes=fast'])).toThrow(/unknown mode fast/);
  });

  it("skips the other benches' options that run-all hands it", () => {
    expect(parseBenchArgs(['--database-url', 'postgres://x/y', '50', '--runs', '7', '--summary-file=/tmp/f'])).toMatchObject({ calls: 50, seconds: 10, rounds: 3 });
    expect(() => parseBenchArgs(['0'])).toThrow(/calls must be a positive integer/);
  });
});
