/**
 * Where a bench server's CPU goes during the audio window: one bridge-bench run of `mode` with
 * the server under the V8 profiler (measurement window only) and its database statements
 * counted per phase (call setup, the window, hang-ups, after-call work until quiet, shutdown).
 *   node --conditions=vozlia-source --import tsx bench/bridge/profile.ts [app|bridge|bare] [calls=100] [seconds=10] [--out=dir] [--seeded=dir] [--no-profile]
 * `--no-profile`: thread CPU, GCs and statements only (the profiler's own sampling costs CPU).
 * `--seeded`: the app's restart state, kept between runs (made before the first run: prepare-app.ts).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatSummary, summariseProfile, type CpuProfile } from './cpu-profile-summary.js';
import { CLK_TCK, cpuSplit, cpuTicks, exited, expectLine, lines, startPinned } from './processes.js';
import { prepareAppRuns } from './run.js';
import { settle } from './settle.js';
import type { PhaseStatements } from './statement-counter.js';
import { threadTicks, threadTicksSince } from './thread-cpu.js';

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
const argv = process.argv.slice(2);
const flag = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const [mode = 'app', callsArg = '100', secondsArg = '10'] = argv.filter((a) => !a.startsWith('--'));
const out = flag('out') ?? mkdtempSync(path.join(tmpdir(), 'vozlia-profile-'));
const seeded = flag('seeded') ?? path.join(out, 'seeded');
mkdirSync(out, { recursive: true });
if (!existsSync(seeded)) mkdirSync(seeded, { recursive: true });

if (mode === 'app') await prepareAppRuns(seeded);
const gen = startPinned(1, [here('./generator.ts'), mode, callsArg, secondsArg]);
const g = lines(gen);
const rtPort = await expectLine(g, 'RT ');
const server = startPinned(0, [here('./profile-entry.ts'), mode, `ws://127.0.0.1:${rtPort}/v1/realtime?model=bench`, seeded]);
const s = lines(server);
const port = await expectLine(s, 'PORT ');
await new Promise((r) => setTimeout(r, 300));
const tell = (line: string) => server.stdin!.write(`${line}\n`);
const profiling = !argv.includes('--no-profile');
const setupFile = path.join(out, `${mode}-setup.cpuprofile`);
tell('PHASE setup');
if (profiling) tell('PROFILE_START');
const s0 = cpuTicks(server.pid!);
gen.stdin!.write(`GO ${port}\n`);
const setupMs = await expectLine(g, 'READY ');
const setupCpuMs = ((cpuTicks(server.pid!) - s0) * 1000) / CLK_TCK;
if (profiling) {
  tell(`PROFILE_STOP ${setupFile}`);
  await expectLine(s, 'PROFILED');
}
await expectLine(g, 'MEASURE_START');
tell('PHASE window');
tell('HEAP');
if (profiling) tell('PROFILE_START');
const split0 = cpuSplit(server.pid!);
const t0 = threadTicks(server.pid!);
const w0 = performance.now();
await expectLine(g, 'MEASURE_END');
const windowS = (performance.now() - w0) / 1000;
const split1 = cpuSplit(server.pid!);
const userTicks = split1.user - split0.user;
const kernelTicks = split1.system - split0.system;
const cpuShare = (userTicks + kernelTicks) / CLK_TCK / windowS;
const threads = threadTicksSince(t0, threadTicks(server.pid!));
const file = path.join(out, `${mode}.cpuprofile`);
tell(profiling ? `PROFILE_STOP ${file}` : 'PROFILE_STOP');
tell('PHASE teardown');
const result = await expectLine(g, 'RESULT ');
const heap = await expectLine(s, 'HEAP ');
const gc = await expectLine(s, 'GC ');
await expectLine(s, 'PROFILED');
await expectLine(g, 'HUNG_UP');
tell('PHASE after-call');
const afterFile = path.join(out, `${mode}-after-call.cpuprofile`);
if (profiling) tell('PROFILE_START');
const afterCall = mode === 'app' ? await settle(server.pid!) : null;
if (profiling) {
  tell(`PROFILE_STOP ${afterFile}`);
  await expectLine(s, 'PROFILED');
}
gen.stdin!.write('EXIT\n');
await exited(gen);
tell('PHASE shutdown');
server.kill('SIGTERM');
const counted = JSON.parse(await expectLine(s, 'STATEMENTS ')) as Record<string, PhaseStatements>;
await exited(server);

console.log(`setup of ${callsArg} calls: ${setupMs} ms wall, ${(setupCpuMs / Number(callsArg)).toFixed(1)} ms server CPU per call`);
if (profiling) console.log(formatSummary(summariseProfile(JSON.parse(readFileSync(setupFile, 'utf8')) as CpuProfile, 30)));
const r = JSON.parse(result) as { inbound: { n: number; p99: number; lost: number }; outbound: { n: number; p99: number; lost: number } };
const frames = r.inbound.n + r.outbound.n;
console.log(`server CPU ${(cpuShare * 100).toFixed(1)} % of a core in the window, ${((cpuShare * windowS * 1e6) / frames).toFixed(1)} µs per frame; frames ${frames}; p99 in ${r.inbound.p99.toFixed(2)} / out ${r.outbound.p99.toFixed(2)} ms; lost ${r.inbound.lost + r.outbound.lost}`);
if (afterCall) console.log(`after the hang-up: ${(afterCall.cpuMs / Number(callsArg)).toFixed(1)} ms server CPU per call over ${(afterCall.wallMs / 1000).toFixed(1)} s${afterCall.settled ? '' : ' (never went quiet)'}`);
if (afterCall && profiling) console.log(formatSummary(summariseProfile(JSON.parse(readFileSync(afterFile, 'utf8')) as CpuProfile, 40)));
console.log(`user ${((userTicks / CLK_TCK / windowS) * 100).toFixed(1)} %, kernel ${((kernelTicks / CLK_TCK / windowS) * 100).toFixed(1)} % of a core`);
console.log(`threads: ${threads.map(([k, v]) => `${k} ${((v / CLK_TCK / windowS) * 100).toFixed(1)} %`).join(', ')}`);
console.log(`at the window's start: ${heap}; GCs in the window by kind (1 scavenge, 2 mark-compact, 4 incremental): ${gc}`);
if (profiling) console.log(formatSummary(summariseProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, 30)));
for (const [phase, c] of Object.entries(counted)) {
  console.log(`statements in ${phase}: ${c.total}, ${c.ms} ms to their results (costliest first: count, ms)`);
  for (const [sql, n, ms] of c.top) console.log(`${String(n).padStart(7)} ${String(ms).padStart(6)}  ${sql}`);
}
if (profiling) console.log(`profiles: ${setupFile}, ${file}`);
