import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallLimits } from './call-limits.js';

const guard = <A extends unknown[]>(_where: string, fn: (...a: A) => void) => fn;

function limits(l: { maxCallMs: number; warnBeforeMs: number; silenceMs: number }) {
  const calls: string[] = [];
  const c = new CallLimits({
    limits: { ...l, actionBackstopMs: 30_000 },
    guard,
    onWarn: () => calls.push('warn'),
    onMaxDuration: () => calls.push('max'),
    onSilence: (final) => calls.push(final ? 'silence_end' : 'silence_prompt'),
  });
  return { c, calls };
}

describe('CallLimits while a call action is under way', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('hold: no warning and no silence prompt over the line; a maximum reached meanwhile fires at release', () => {
    const { c, calls } = limits({ maxCallMs: 10_000, warnBeforeMs: 4_000, silenceMs: 1_000 });
    c.start();
    c.hold();
    c.assistantIdle();
    vi.advanceTimersByTime(10_500);
    expect(calls).toEqual([]);
    c.release();
    expect(calls).toEqual(['max']);
  });

  it('release: the silence clock and the warning work again', () => {
    const { c, calls } = limits({ maxCallMs: 10_000, warnBeforeMs: 4_000, silenceMs: 1_000 });
    c.start();
    c.hold();
    vi.advanceTimersByTime(1_000);
    c.release();
    c.assistantIdle();
    vi.advanceTimersByTime(1_000);
    expect(calls).toEqual(['silence_prompt']);
    vi.advanceTimersByTime(5_000);
    expect(calls).toEqual(['silence_prompt', 'warn']);
  });

  it('stop: nothing fires after the call ended, release included', () => {
    const { c, calls } = limits({ maxCallMs: 2_000, warnBeforeMs: 1_000, silenceMs: 500 });
    c.start();
    c.hold();
    c.stop();
    c.release();
    vi.advanceTimersByTime(5_000);
    expect(calls).toEqual([]);
  });
});
