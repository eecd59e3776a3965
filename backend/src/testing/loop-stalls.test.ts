import { describe, expect, it } from 'vitest';
import { watchLoopStalls } from './loop-stalls.js';

describe('watchLoopStalls', () => {
  it('reports a stall of the loop', async () => {
    const stalls = watchLoopStalls();
    await new Promise((r) => setTimeout(r, 20));
    const until = performance.now() + 80;
    while (performance.now() < until) {
      /* the loop is blocked */
    }
    await new Promise((r) => setTimeout(r, 20));
    expect(stalls.stop()).toBeGreaterThanOrEqual(70);
  });
});
