import { describe, expect, it } from 'vitest';
import { drainAll, type Drainable } from './drain.js';

/** A fake drainable that finishes when told to, recording that it was asked. */
function fakeDrainable(name: string) {
  let finish!: () => void;
  let fail!: (e: Error) => void;
  const done = new Promise<void>((resolve, reject) => ((finish = resolve), (fail = reject)));
  const d: Drainable & { asked: boolean } = {
    name,
    asked: false,
    drain() {
      d.asked = true;
      return done;
    },
  };
  return { d, finish: () => finish(), fail: (e: Error) => fail(e) };
}

describe('drainAll', () => {
  it('resolves at once with nothing to drain', async () => {
    expect(await drainAll([], 10_000)).toEqual({ timedOut: [], failed: [] });
  });

  it('asks every drainable at once and waits until all are done', async () => {
    const a = fakeDrainable('calls');
    const b = fakeDrainable('uploads');
    const p = drainAll([a.d, b.d], 10_000);
    expect(a.d.asked && b.d.asked).toBe(true);
    let settled = false;
    void p.then(() => (settled = true));
    a.finish();
    await new Promise((r) => setTimeout(r, 10));
    expect(settled).toBe(false);
    b.finish();
    expect(await p).toEqual({ timedOut: [], failed: [] });
  });

  it('gives up after the timeout, naming what is still busy', async () => {
    const slow = fakeDrainable('calls');
    const quick = fakeDrainable('quick');
    quick.finish();
    const started = Date.now();
    const outcome = await drainAll([slow.d, quick.d], 50);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(outcome).toEqual({ timedOut: ['calls'], failed: [] });
  });

  it('never throws: a failing drain is reported', async () => {
    const bad = fakeDrainable('bad');
    bad.fail(new Error('socket gone'));
    expect(await drainAll([bad.d], 1000)).toEqual({ timedOut: [], failed: ['bad'] });
  });
});
