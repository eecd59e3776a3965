/**
 * Bridge benchmark: N concurrent calls at real-time pace through the real media-stream
 * plugin, against a bare relay and a naive relay in the same run, plus the generator's own
 * floor. Server pinned to core 0, generator to core 1.
 *   npm run bench            (all benches)    node --import tsx bench/bridge/index.ts [calls] [seconds] [rounds]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
const CALLS = Number(process.argv[2] ?? process.env['BENCH_CALLS'] ?? 100);
const SECONDS = Number(process.argv[3] ?? process.env['BENCH_SECONDS'] ?? 10);
/** The relays run in interleaved rounds (order rotated each round) and are compared by median:
 * on this shared VM one run's CPU cost swings by ±20 %, a sequence of single runs misleads. */
const ROUNDS = Number(process.argv[4] ?? process.env['BENCH_ROUNDS'] ?? 3);
const PIN = existsSync('/usr/bin/taskset') || existsSync('/bin/taskset');
const CLK_TCK = 100;

type Mode = 'direct' | 'bare' | 'naive' | 'bridge';

interface DirectionResult {
  n: number;
  p50: number;
  p99: number;
  max: number;
  lost: number;
  reordered: number;
  duplicated: number;
}

interface RunResult {
  mode: Mode;
  inbound: DirectionResult;
  outbound: DirectionResult & { crossTalk: number };
  marksEchoed: number;
  generatorCpuShare: number;
  serverCpuShare: number | null;
  /** Server CPU µs per relayed audio frame (both directions): robust to other load on the box. */
  serverCpuUsPerFrame: number | null;
  serverRssPerCallKiB: number | null;
}

function start(core: number, args: string[]): ChildProcess {
  const cmd = PIN ? 'taskset' : process.execPath;
  const full = PIN ? ['-c', String(core), process.execPath, '--conditions=vozlia-source', '--import', 'tsx', ...args] : ['--conditions=vozlia-source', '--import', 'tsx', ...args];
  return spawn(cmd, full, { stdio: ['pipe', 'pipe', 'inherit'] });
}

function lines(p: ChildProcess): AsyncIterator<string> {
  return createInterface({ input: p.stdout! })[Symbol.asyncIterator]();
}

async function expectLine(it: AsyncIterator<string>, prefix: string): Promise<string> {
  for (;;) {
    const { value, done } = await it.next();
    if (done) throw new Error(`child ended before ${prefix}`);
    if (value.startsWith(prefix)) return value.slice(prefix.length).trim();
  }
}

function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(f[11]) + Number(f[12]); // utime + stime
}

function rssKiB(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

async function run(mode: Mode): Promise<RunResult> {
  const gen = start(1, [here('./generator.ts'), mode, String(CALLS), String(SECONDS)]);
  const g = lines(gen);
  const rtPort = await expectLine(g, 'RT ');
  let server: ChildProcess | null = null;
  let rss0 = 0;
  if (mode !== 'direct') {
    server = start(0, [here('./server-entry.ts'), mode, `ws://127.0.0.1:${rtPort}/v1/realtime?model=bench`]);
    const port = await expectLine(lines(server), 'PORT ');
    await new Promise((r) => setTimeout(r, 300));
    rss0 = rssKiB(server.pid!);
    gen.stdin!.write(`GO ${port}\n`);
  } else {
    gen.stdin!.write('GO direct\n');
  }
  await expectLine(g, 'MEASURE_START');
  const c0 = server ? cpuTicks(server.pid!) : 0;
  const w0 = performance.now();
  await expectLine(g, 'MEASURE_END');
  const c1 = server ? cpuTicks(server.pid!) : 0;
  const wall = (performance.now() - w0) / 1000;
  const rss1 = server ? rssKiB(server.pid!) : 0;
  const result = JSON.parse(await expectLine(g, 'RESULT ')) as Omit<RunResult, 'serverCpuShare' | 'serverCpuUsPerFrame' | 'serverRssPerCallKiB'>;
  server?.kill('SIGTERM');
  await new Promise((r) => gen.once('exit', r));
  return {
    ...result,
    serverCpuShare: server ? (c1 - c0) / CLK_TCK / wall : null,
    serverCpuUsPerFrame: server ? (((c1 - c0) / CLK_TCK) * 1e6) / (result.inbound.n + result.outbound.n) : null,
    serverRssPerCallKiB: server ? (rss1 - rss0) / CALLS : null,
  };
}

const f = (n: number | null, d = 2) => (n === null || Number.isNaN(n) ? '—' : n.toFixed(d));

const results: RunResult[] = [];
const rounds: Record<Exclude<Mode, 'direct'>, RunResult[]> = { bare: [], naive: [], bridge: [] };
console.log(`bridge bench: ${CALLS} concurrent calls, ${SECONDS} s measured per run, ${ROUNDS} interleaved rounds, 20 ms frames both ways${PIN ? ', server on core 0, generator on core 1' : ' (taskset missing: not pinned)'}`);
results.push(await run('direct'));
const relays = ['bare', 'naive', 'bridge'] as const;
for (let round = 0; round < ROUNDS; round++) {
  for (let i = 0; i < relays.length; i++) {
    const mode = relays[(i + round) % relays.length]!;
    rounds[mode].push(await run(mode));
  }
}
/** The run with the median CPU cost per frame stands for its mode in the table. */
const median = (runs: RunResult[]) => [...runs].sort((a, b) => a.serverCpuUsPerFrame! - b.serverCpuUsPerFrame!)[Math.floor(runs.length / 2)]!;
for (const mode of relays) results.push(median(rounds[mode]));

console.log(`load average at end: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} (latency figures are only meaningful on an otherwise idle box)`);
console.log('\nmode    | dir | p50 ms | p99 ms | max ms | frames | lost | reord | dup | server CPU/call | µs/frame | RSS/call KiB | gen CPU');
for (const r of results) {
  for (const [dir, d] of [['in', r.inbound], ['out', r.outbound]] as const) {
    console.log(
      `${r.mode.padEnd(7)} | ${dir.padEnd(3)} | ${f(d.p50).padStart(6)} | ${f(d.p99).padStart(6)} | ${f(d.max).padStart(6)} | ${String(d.n).padStart(6)} | ${String(d.lost).padStart(4)} | ${String(d.reordered).padStart(5)} | ${String(d.duplicated).padStart(3)} | ${(r.serverCpuShare === null ? '—' : ((r.serverCpuShare / CALLS) * 100).toFixed(3) + '% core').padStart(15)} | ${f(r.serverCpuUsPerFrame, 1).padStart(8)} | ${f(r.serverRssPerCallKiB, 1).padStart(12)} | ${(r.generatorCpuShare * 100).toFixed(0)}%`,
    );
  }
}
const by = (m: Mode) => results.find((r) => r.mode === m)!;
const bridge = by('bridge');
// CPU per relayed frame, not share of a core: a starved server shows a low share, not a low cost.
const vsBare = bridge.serverCpuUsPerFrame! / by('bare').serverCpuUsPerFrame!;
const vsNaive = bridge.serverCpuUsPerFrame! / by('naive').serverCpuUsPerFrame!;
const p99 = Math.max(bridge.inbound.p99, bridge.outbound.p99);
const lost = rounds.bridge.reduce((n, r) => n + r.inbound.lost + r.outbound.lost, 0);
const perRun = (m: (typeof relays)[number]) => rounds[m].map((r) => f(r.serverCpuUsPerFrame, 1)).join(', ');
console.log(`\nµs/frame per run: bare ${perRun('bare')}; naive ${perRun('naive')}; bridge ${perRun('bridge')} (table: median run)`);
console.log(`bridge CPU / bare = ${vsBare.toFixed(2)} (target ≤ 1.25), bridge CPU / naive = ${vsNaive.toFixed(2)} (target ≤ 0.75)`);
console.log(`bridge p99 = ${p99.toFixed(2)} ms (target ≤ 5), lost = ${lost} (target 0), marks echoed = ${bridge.marksEchoed}`);
const pass = vsBare <= 1.25 && vsNaive <= 0.75 && p99 <= 5 && lost === 0;
console.log(pass ? 'PASS' : 'FAIL: see targets above');
process.exitCode = pass ? 0 : 1;
