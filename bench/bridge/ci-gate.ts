/**
 * The CI bench gate (`npm run bench:ci`): the short bridge bench's promises, each a ratio to the
 * bare relay measured in the same run (never an absolute time: CI machines differ), and its
 * tolerances, chosen from repeated runs on the 2-core box (ops/DECISIONS.md, "CI bench gate"):
 * loose enough for CI noise, tight enough that a 2× regression fails.
 */
import type { RelayMode } from './args.js';
import { faults, median, medianRun, worseP99 } from './medians.js';
import type { RunResult } from './run.js';
import { FRAME_MS } from './stamps.js';

export const GATE = {
  /**
   * Median-run server CPU per relayed frame, the media-stream plugin alone ÷ the bare relay: seen
   * 1.0–1.2 on a quiet box, up to 1.42 at load 14; its CPU doubled would read ≥ 2.
   */
  bridgeCpuVsBare: 1.7,
  /**
   * The same, the whole product as `npm start` runs it ÷ the bare relay. Since every app run
   * restarts from one pristine database (no earlier run's after-call jobs in its window): seen
   * 1.0–1.4 (it was 1.5–2.06 with that backlog); its relay's CPU doubled would read ≥ 2.3.
   */
  appCpuVsBare: 2.0,
  /**
   * Median over the rounds of each run's p99 (worse direction) ÷ the bare relay's, that floored at
   * one 20 ms audio frame: on a quiet box bare's p99 is ~1 ms and a single GC pause would swing the
   * ratio tenfold; jitter under a frame is what Twilio's jitter buffer absorbs anyway. Seen
   * 0.72–3.78, and 4.35 for the app at load 5 (its own ~90 ms stalls at 20 calls, bare at 8 ms).
   */
  p99VsBare: 6,
  /** Frames lost, reordered or duplicated over every run of a mode. */
  faults: 0,
} as const;

/** What the gate reads from one short bench: per mode, over its rounds. */
export interface GateFigures {
  /** The median run's server CPU µs per relayed frame. */
  cpuUsPerFrame: Partial<Record<RelayMode, number>>;
  /** Median of the runs' worse-direction p99, ms. */
  p99Ms: Partial<Record<RelayMode, number>>;
  faults: Partial<Record<RelayMode, number>>;
}

export interface GateCheck {
  measure: string;
  value: number;
  limit: number;
  unit: string;
  ok: boolean;
  /** The promise in words: what was measured, and what the gate allows. */
  text: string;
}

export function gateFigures(rounds: Partial<Record<RelayMode, readonly RunResult[]>>): GateFigures {
  const f: GateFigures = { cpuUsPerFrame: {}, p99Ms: {}, faults: {} };
  for (const [mode, runs] of Object.entries(rounds) as [RelayMode, readonly RunResult[]][]) {
    if (runs.length === 0) continue;
    f.cpuUsPerFrame[mode] = medianRun(runs).serverCpuUsPerFrame!;
    f.p99Ms[mode] = median(runs.map(worseP99));
    f.faults[mode] = faults(runs);
  }
  return f;
}

const WHO: Partial<Record<RelayMode, string>> = { bridge: 'the media-stream plugin', app: 'the full app' };
const x = (n: number) => `${n.toFixed(2)}×`;

/** Every promise of the gate for the modes measured (bridge, app), bare as the base. */
export function judgeGate(f: GateFigures): GateCheck[] {
  const bareCpu = f.cpuUsPerFrame.bare;
  const bareP99 = f.p99Ms.bare;
  if (bareCpu === undefined || bareP99 === undefined) throw new Error('the CI gate needs the bare relay measured in the same run');
  const p99Base = Math.max(bareP99, FRAME_MS);
  const checks: GateCheck[] = [];
  for (const mode of ['bridge', 'app'] as const) {
    const cpu = f.cpuUsPerFrame[mode];
    const p99 = f.p99Ms[mode];
    if (cpu === undefined || p99 === undefined) continue;
    const who = WHO[mode]!;
    const cpuLimit = mode === 'app' ? GATE.appCpuVsBare : GATE.bridgeCpuVsBare;
    const cpuRatio = cpu / bareCpu;
    checks.push({
      measure: `${mode} CPU / bare`,
      value: cpuRatio,
      limit: cpuLimit,
      unit: '×',
      ok: cpuRatio <= cpuLimit,
      text: `${who} costs ${x(cpuRatio)} the bare relay's CPU per frame (${cpu.toFixed(1)} vs ${bareCpu.toFixed(1)} µs); the gate allows ${x(cpuLimit)}`,
    });
    const p99Ratio = p99 / p99Base;
    const base = bareP99 < FRAME_MS ? `bare's ${bareP99.toFixed(2)} ms floored at one ${FRAME_MS} ms frame` : `bare ${bareP99.toFixed(2)} ms`;
    checks.push({
      measure: `${mode} p99 / bare p99`,
      value: p99Ratio,
      limit: GATE.p99VsBare,
      unit: '×',
      ok: p99Ratio <= GATE.p99VsBare,
      text: `${who}'s p99 latency is ${x(p99Ratio)} the bare relay's (${p99.toFixed(2)} ms vs ${base}); the gate allows ${x(GATE.p99VsBare)}`,
    });
    const n = f.faults[mode] ?? 0;
    checks.push({
      measure: `${mode} lost + reordered + duplicated`,
      value: n,
      limit: GATE.faults,
      unit: 'frames',
      ok: n <= GATE.faults,
      text: `${who} lost, reordered or duplicated ${n} frame${n === 1 ? '' : 's'}; the gate allows ${GATE.faults === 0 ? 'none' : GATE.faults}`,
    });
  }
  return checks;
}
