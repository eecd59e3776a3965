/** The bench's table and verdicts: each mode by its median run (CPU µs per relayed frame). */
import { readFileSync } from 'node:fs';
import type { BenchArgs, RelayMode } from './args.js';
import type { RunResult } from './run.js';
import { recordFigure } from '../summary.js';

/** Targets: the bridge plugin alone, and the whole product (issue 10), against the bare relay. */
const TARGETS = { bridgeVsBare: 1.25, bridgeVsNaive: 0.75, appVsBare: 1.15, p99Ms: 5 };

const f = (n: number | null, d = 2) => (n === null || Number.isNaN(n) ? '—' : n.toFixed(d));

/** The run with the median CPU cost per frame stands for its mode. */
export function medianRun(runs: RunResult[]): RunResult {
  return [...runs].sort((a, b) => a.serverCpuUsPerFrame! - b.serverCpuUsPerFrame!)[Math.floor(runs.length / 2)]!;
}

function printTable(rows: RunResult[], calls: number): void {
  console.log('\nmode    | dir | p50 ms | p99 ms | max ms | frames | lost | reord | dup | server CPU/call | µs/frame | RSS/call KiB | gen CPU');
  for (const r of rows) {
    for (const [dir, d] of [['in', r.inbound], ['out', r.outbound]] as const) {
      const share = r.serverCpuShare === null ? '—' : ((r.serverCpuShare / calls) * 100).toFixed(3) + '% core';
      console.log(
        `${r.mode.padEnd(7)} | ${dir.padEnd(3)} | ${f(d.p50).padStart(6)} | ${f(d.p99).padStart(6)} | ${f(d.max).padStart(6)} | ${String(d.n).padStart(6)} | ${String(d.lost).padStart(4)} | ${String(d.reordered).padStart(5)} | ${String(d.duplicated).padStart(3)} | ${share.padStart(15)} | ${f(r.serverCpuUsPerFrame, 1).padStart(8)} | ${f(r.serverRssPerCallKiB, 1).padStart(12)} | ${(r.generatorCpuShare * 100).toFixed(0)}%`,
      );
    }
  }
}

/** Prints the table and the verdicts; returns whether every measured target is met. */
export function report(args: BenchArgs, direct: RunResult, rounds: Record<RelayMode, RunResult[]>): boolean {
  const medians = args.modes.map((m) => medianRun(rounds[m]));
  console.log(`load average at end: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} (latency figures are only meaningful on an otherwise idle box)`);
  printTable([direct, ...medians], args.calls);
  const us = (m: RelayMode) => medianRun(rounds[m]).serverCpuUsPerFrame!;
  const perRun = (m: RelayMode) => rounds[m].map((r) => f(r.serverCpuUsPerFrame, 1)).join(', ');
  console.log(`call setup (all ${args.calls} at once; median run): ${medians.map((r) => `${r.mode} ${f(r.setupWallMs, 0)} ms wall, ${f(r.setupCpuMsPerCall, 1)} ms server CPU per call`).join('; ')}`);
  console.log(`\nµs/frame per run: ${args.modes.map((m) => `${m} ${perRun(m)}`).join('; ')} (table: median run)`);
  let pass = true;
  const conditions = `${args.calls} calls, ${args.rounds} interleaved rounds, load ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}`;
  const check = (label: string, value: number, target: number, unit = '×') => {
    const ok = value <= target;
    pass &&= ok;
    console.log(`${label} = ${value.toFixed(2)} (target ≤ ${target})${ok ? '' : '  ✗'}`);
    recordFigure({ bench: 'bridge', measure: label, value, unit, target, note: conditions });
  };
  for (const mode of ['bridge', 'app'] as const) {
    if (!args.modes.includes(mode)) continue;
    const runs = rounds[mode];
    const median = medianRun(runs);
    check(`${mode} CPU / bare`, us(mode) / us('bare'), mode === 'app' ? TARGETS.appVsBare : TARGETS.bridgeVsBare);
    if (mode === 'bridge' && args.modes.includes('naive')) check('bridge CPU / naive', us('bridge') / us('naive'), TARGETS.bridgeVsNaive);
    check(`${mode} p99 (median run, worse direction)`, Math.max(median.inbound.p99, median.outbound.p99), TARGETS.p99Ms, 'ms');
    const worstP99 = Math.max(...runs.map((r) => Math.max(r.inbound.p99, r.outbound.p99)));
    const lost = runs.reduce((n, r) => n + r.inbound.lost + r.outbound.lost + r.inbound.reordered + r.outbound.reordered + r.inbound.duplicated + r.outbound.duplicated, 0);
    console.log(`${mode}: worst p99 of all runs ${worstP99.toFixed(2)} ms; marks echoed (median run) ${median.marksEchoed}`);
    check(`${mode} lost + reordered + duplicated, all runs`, lost, 0, 'frames');
    if (median.serverRssPerCallKiB !== null) recordFigure({ bench: 'bridge', measure: `${mode} RSS per call`, value: median.serverRssPerCallKiB, unit: 'KiB', target: null, note: conditions });
  }
  console.log(pass ? 'PASS' : 'FAIL: see targets above');
  return pass;
}
