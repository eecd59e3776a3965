import { describe, expect, it } from 'vitest';
import { guardWith } from './guard.js';

describe('guardWith', () => {
  it('passes arguments through and reports a throw with where it happened, without rethrowing', () => {
    const failures: [string, unknown][] = [];
    const guard = guardWith((where, err) => failures.push([where, err]));
    const seen: number[] = [];
    guard('sum', (a: number, b: number) => seen.push(a + b))(2, 3);
    const boom = new Error('boom');
    expect(() =>
      guard('timer', () => {
        throw boom;
      })(),
    ).not.toThrow();
    expect(seen).toEqual([5]);
    expect(failures).toEqual([['timer', boom]]);
  });

  it('survives a reporter that throws too', () => {
    const guard = guardWith(() => {
      throw new Error('logger down');
    });
    expect(() =>
      guard('x', () => {
        throw new Error('first');
      })(),
    ).not.toThrow();
  });
});
