/**
 * Bridge benchmark: N concurrent calls at real-time pace through the real media-stream
 * plugin (`bridge`) and through the whole product as `npm start` runs it (`app`), against a
 * bare relay and a naive relay, plus the generator's own floor. Server pinned to core 0,
 * generator to core 1.
 *   npm run bench            (all benches)
 *   npm run bench:ci         (the short CI gate: ci-gate.ts)
 *   node --conditions=vozlia-source --import tsx bench/bridge/index.ts [calls=100] [seconds=10] [rounds=3] [--modes=bare,naive,bridge,app] [--ci]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseBenchArgs, type RelayMode } from './args.js';
import { PINNED } from './processes.js';
import { report } from './report.js';
import { prepareAppRuns, runOnce, type RunResult } from './run.js';

const args = parseBenchArgs(process.argv.slice(2));
console.log(
  `bridge bench${args.ci ? ' (CI gate)' : ''}: ${args.calls} concurrent calls, ${args.seconds} s measured per run after ${args.warmupMs / 1000} s of warm-up, ${args.rounds} interleaved rounds of ${args.modes.join(', ')}, 20 ms frames both ways${PINNED ? ', server on core 0, generator on core 1' : ' (taskset missing: not pinned)'}`,
);
const seededDir = path.join(mkdtempSync(path.join(tmpdir(), 'vozlia-bench-seed-')), 'data');
const run = (mode: RunResult['mode']) => runOnce(mode, args.calls, args.seconds, seededDir, args.warmupMs);
if (args.modes.includes('app')) await prepareAppRuns(seededDir);
const direct = args.direct ? await run('direct') : null;
/** Interleaved rounds, order rotated each round: on this shared VM one run's CPU cost swings by
 * ±20 %, so a sequence of single runs misleads; each mode is then represented by its median. */
const rounds = Object.fromEntries(args.modes.map((m) => [m, [] as RunResult[]])) as Record<RelayMode, RunResult[]>;
for (let round = 0; round < args.rounds; round++) {
  for (let i = 0; i < args.modes.length; i++) {
    const mode = args.modes[(i + round) % args.modes.length]!;
    rounds[mode].push(await run(mode));
  }
}
rmSync(path.dirname(seededDir), { recursive: true, force: true });
process.exitCode = report(args, direct, rounds) ? 0 : 1;
