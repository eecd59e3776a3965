/**
 * After-call work: the server's CPU from the moment every phone hung up until it goes quiet
 * (call records, call summaries, owner notices and their messages run as jobs after a call).
 * The app's job poller backs off to 4 s when idle and a summary waits 3 s after its call, so
 * the server must stay quiet for a while after a minimum wait before the work counts as done.
 */
import { CLK_TCK, cpuTicks } from './processes.js';

export interface SettleOptions {
  /** Never settle before this long after the hang-up. */
  minMs: number;
  /** Quiet means this long ... */
  quietMs: number;
  /** ... below this share of a core. */
  quietShare: number;
  /** Give up (not settled) after this long. */
  maxMs: number;
}

export const SETTLE: SettleOptions = { minMs: 8000, quietMs: 2000, quietShare: 0.03, maxMs: 90_000 };

/** One reading: ms since the hang-up and the server's CPU ticks then. */
export type Sample = readonly [ms: number, ticks: number];

/**
 * Where the busy part ends (pure): once `minMs` have passed and the last `quietMs` held less than
 * `quietShare` of a core, the sample that opens that quiet span; null while the server is busy.
 * The quiet span's few ticks (idle pollers) are not after-call work, so they are left out.
 */
export function busyEnd(samples: readonly Sample[], o: SettleOptions): Sample | null {
  const last = samples.at(-1);
  if (!last || last[0] < o.minMs) return null;
  const start = samples.findLast((s) => last[0] - s[0] >= o.quietMs);
  if (!start) return null;
  const share = (last[1] - start[1]) / CLK_TCK / ((last[0] - start[0]) / 1000);
  return share < o.quietShare ? start : null;
}

export interface AfterCall {
  /** Server CPU ms from the hang-up to the end of the busy part. */
  cpuMs: number;
  /** Wall ms to the end of the busy part. */
  wallMs: number;
  settled: boolean;
}

export async function settle(pid: number, o: SettleOptions = SETTLE, everyMs = 250): Promise<AfterCall> {
  const t0 = performance.now();
  const samples: Sample[] = [[0, cpuTicks(pid)]];
  for (;;) {
    await new Promise((r) => setTimeout(r, everyMs));
    const now: Sample = [performance.now() - t0, cpuTicks(pid)];
    samples.push(now);
    const end = busyEnd(samples, o);
    if (end) return { cpuMs: ((end[1] - samples[0]![1]) * 1000) / CLK_TCK, wallMs: end[0], settled: true };
    if (now[0] > o.maxMs) return { cpuMs: ((now[1] - samples[0]![1]) * 1000) / CLK_TCK, wallMs: now[0], settled: false };
  }
}
