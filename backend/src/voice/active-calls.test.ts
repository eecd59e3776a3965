import { describe, expect, it } from 'vitest';
import { ActiveCalls } from './active-calls.js';

describe('ActiveCalls', () => {
  it('is idle at once when empty, and once the last call leaves', async () => {
    const calls = new ActiveCalls();
    await calls.idle();
    const a = { end: () => calls.delete(a) };
    const b = { end: () => calls.delete(b) };
    calls.add(a);
    calls.add(b);
    let idle = false;
    const waiting = calls.idle().then(() => (idle = true));
    calls.delete(a);
    await Promise.resolve();
    expect(idle).toBe(false);
    calls.endAll('server_shutdown');
    await waiting;
    expect(idle).toBe(true);
    expect(calls.size).toBe(0);
  });
});
