/** Small waits shared by the voice end-to-end tests. */
export async function until(cond: () => boolean, timeoutMs = 3000, what = 'condition'): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!cond()) {
    if (performance.now() > end) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await sleep(2);
  }
}

/** Polls `probe` (sync or async, e.g. a database read) until it returns a value. */
export async function eventually<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 5000, what = 'value'): Promise<T> {
  const end = performance.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (performance.now() > end) throw new Error(`${what} not there within ${timeoutMs} ms`);
    await sleep(20);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.max(0, ms)));
}

/** Largest gap between consecutive timestamps within [from, to]. */
export function maxGap(times: number[], from: number, to: number): number {
  const inside = times.filter((t) => t >= from && t <= to);
  let gap = 0;
  let prev = from;
  for (const t of inside) {
    gap = Math.max(gap, t - prev);
    prev = t;
  }
  return Math.max(gap, to - prev);
}

/** Largest delay between the i-th send and the i-th arrival, for frames sent within [from, to]. */
export function maxDelay(sentAt: number[], arrivedAt: number[], from: number, to: number): number {
  let worst = 0;
  for (let i = 0; i < sentAt.length && i < arrivedAt.length; i++) {
    if (sentAt[i]! < from || sentAt[i]! > to) continue;
    worst = Math.max(worst, arrivedAt[i]! - sentAt[i]!);
  }
  return worst;
}
