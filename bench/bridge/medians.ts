/** How a mode's rounds are summed up: medians, robust to one run disturbed by other load. */
import type { RunResult } from './run.js';

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The run with the median CPU cost per frame stands for its mode. */
export function medianRun(runs: readonly RunResult[]): RunResult {
  return [...runs].sort((a, b) => a.serverCpuUsPerFrame! - b.serverCpuUsPerFrame!)[Math.floor(runs.length / 2)]!;
}

/** A run's p99 in its worse direction (ms). */
export const worseP99 = (r: RunResult) => Math.max(r.inbound.p99, r.outbound.p99);

/** Frames lost, reordered or duplicated, both directions, over all runs. */
export const faults = (runs: readonly RunResult[]) =>
  runs.reduce((n, r) => n + r.inbound.lost + r.outbound.lost + r.inbound.reordered + r.outbound.reordered + r.inbound.duplicated + r.outbound.duplicated, 0);
