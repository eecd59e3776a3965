/**
 * Paired bridge bench: the bare relay and one other server (`app` by default) relay in the same
 * window, both on core 0 with half the calls each. On these shared VMs a run's CPU per frame
 * swings by ±20 % with the host; within one window the swing falls on both servers alike, so
 * the ratio of the pair is far steadier than the ratio of separate runs. Sides alternate which
 * starts first; the verdict is the median of the rounds' ratios, and nothing lost. Latency is
 * printed, not judged: two servers share one core and two generators the other (index.ts
 * judges p99 with the core to itself). `--base` compares with another server than bare.
 *   node --conditions=vozlia-source --import tsx bench/bridge/paired.ts [calls=100] [seconds=10] [rounds=5] [--mode=app|bridge|naive] [--base=bare|bridge|…]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RELAY_MODES, type RelayMode } from './args.js';
import { median } from './medians.js';
import { callsPerSide, pairedRound, type PairedSide } from './paired-round.js';
import { prepareAppRuns } from './run.js';
import { TARGETS } from './report.js';

const argv = process.argv.slice(2);
const positional = argv.filter((a) => !a.startsWith('--'));
const [calls, seconds, rounds] = [positional[0] ?? '100', positional[1] ?? '10', positional[2] ?? '5'].map(Number) as [number, number, number];
const mode = (argv.find((a) => a.startsWith('--mode='))?.slice(7) ?? 'app') as RelayMode;
const base = (argv.find((a) => a.startsWith('--base='))?.slice(7) ?? 'bare') as RelayMode;
if (!RELAY_MODES.includes(mode) || !RELAY_MODES.includes(base) || mode === base) throw new RangeError(`--mode and --base: two different modes of ${RELAY_MODES.join(', ')}`);
for (const n of [calls, seconds, rounds]) if (!Number.isInteger(n) || n <= 0) throw new RangeError('calls, seconds and rounds are positive integers');

console.log(`paired bridge bench: ${base} and ${mode} in the same window, ${callsPerSide(calls)} calls each, ${seconds} s measured, ${rounds} rounds`);
const seededDir = path.join(mkdtempSync(path.join(tmpdir(), 'vozlia-bench-seed-')), 'data');
if (mode === 'app') await prepareAppRuns(seededDir);
const ratios: number[] = [];
const sides: PairedSide[] = [];
for (let round = 0; round < rounds; round++) {
  const order: [RelayMode, RelayMode] = round % 2 === 0 ? [base, mode] : [mode, base];
  const pair = await pairedRound(order, calls, seconds, seededDir, 2000);
  const b = pair.find((s) => s.mode === base)!;
  const m = pair.find((s) => s.mode === mode)!;
  const r = m.usPerFrame / b.usPerFrame;
  ratios.push(r);
  sides.push(...pair);
  console.log(`round ${round + 1}: ${base} ${b.usPerFrame.toFixed(1)} µs/frame, ${mode} ${m.usPerFrame.toFixed(1)} µs/frame, ratio ${r.toFixed(3)}; p99 ${b.p99.toFixed(2)} / ${m.p99.toFixed(2)} ms; lost ${b.lost} / ${m.lost}`);
}
rmSync(path.dirname(seededDir), { recursive: true, force: true });

// The targets are against the bare relay; another base prints its ratio only.
const target = base !== 'bare' ? null : mode === 'app' ? TARGETS.appVsBare : mode === 'bridge' ? TARGETS.bridgeVsBare : null;
const ratio = median(ratios);
const worstP99 = Math.max(...sides.filter((s) => s.mode === mode).map((s) => s.p99));
const lost = sides.reduce((n, s) => n + s.lost, 0);
const sorted = [...ratios].sort((a, b) => a - b);
console.log(`${mode} CPU / ${base}, same window: median ${ratio.toFixed(3)} of ${rounds} rounds (range ${sorted[0]!.toFixed(3)}–${sorted.at(-1)!.toFixed(3)})${target === null ? '' : ` (target ≤ ${target})`}`);
console.log(`${mode} worst p99 of all rounds ${worstP99.toFixed(2)} ms (not judged here: shared cores); lost, both servers, all rounds: ${lost}`);
const pass = (target === null || ratio <= target) && lost === 0;
console.log(pass ? 'PASS' : 'FAIL');
process.exitCode = pass ? 0 : 1;
