/**
 * Server side of the profile harness (`profile.ts`): the bench's `app`, `bridge` or `bare` server with a
 * statement counter and the V8 profiler, steered by lines on stdin:
 *   PHASE <name>          database statements count under <name> from now on
 *   HEAP                  print `HEAP <json>` (heap sizes now) and count GCs from now on
 *   PROFILE_START         start the CPU profiler
 *   PROFILE_STOP [file]   print `GC <json>` (GCs since HEAP, if asked), stop the profiler, write its profile
 *                         to [file] (none: it was not started), print `PROFILED`
 * Prints `PORT <n>` when listening, and `STATEMENTS <json>` once closed on SIGTERM.
 *   node --import tsx bench/bridge/profile-entry.ts <app|bridge|bare> <realtimeUrl> [seededDataDir]
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { createInterface } from 'node:readline';
import { startBenchServer } from './start-server.js';
import { countPgliteStatements } from './statement-counter.js';

const [mode, realtimeUrl, seededDir] = process.argv.slice(2);
if ((mode !== 'app' && mode !== 'bridge' && mode !== 'bare') || !realtimeUrl) {
  console.error('usage: profile-entry.ts <app|bridge|bare> <realtimeUrl> [seededDataDir]');
  process.exit(2);
}

const statements = countPgliteStatements();
// The app is imported after the counter wraps the database thread's query (it opens its database at start).
const server = await startBenchServer(mode, realtimeUrl, seededDir);
const close = server.close;
process.stdout.write(`PORT ${server.port}\n`);

const session = new Session();
session.connect();
await session.post('Profiler.enable');
// 100 µs sampling: fine enough for per-frame work without swamping the core it measures.
await session.post('Profiler.setSamplingInterval', { interval: 100 });

/** GC pauses by kind (V8's `detail.kind`: 1 scavenge, 2 mark-compact, 4 incremental, 8 weak callbacks). */
const gcs = new Map<number, { n: number; ms: number }>();
const gcObserver = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const kind = (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? 0;
    const g = gcs.get(kind) ?? { n: 0, ms: 0 };
    g.n++;
    g.ms += e.duration;
    gcs.set(kind, g);
  }
});

let observing = false;
createInterface({ input: process.stdin }).on('line', (line) => {
  const [cmd, arg] = line.trim().split(' ');
  if (cmd === 'PHASE' && arg) statements.phase(arg);
  else if (cmd === 'HEAP') {
    const h = getHeapStatistics();
    const mib = (b: number) => Math.round(b / 1048576);
    process.stdout.write(`HEAP ${JSON.stringify({ usedMiB: mib(h.used_heap_size), totalMiB: mib(h.total_heap_size), externalMiB: mib(h.external_memory), rssMiB: mib(process.memoryUsage.rss()) })}\n`);
    gcObserver.observe({ entryTypes: ['gc'] });
    observing = true;
  } else if (cmd === 'PROFILE_START') void session.post('Profiler.start');
  else if (cmd === 'PROFILE_STOP') {
    if (gcs.size > 0 || observing) {
      gcObserver.disconnect();
      observing = false;
      process.stdout.write(`GC ${JSON.stringify(Object.fromEntries([...gcs].map(([k, v]) => [k, { n: v.n, ms: Math.round(v.ms) }])))}\n`);
    }
    if (!arg) process.stdout.write('PROFILED\n');
    else
      void session.post('Profiler.stop').then(({ profile }) => {
        writeFileSync(arg, JSON.stringify(profile));
        process.stdout.write('PROFILED\n');
      });
  }
});

process.once('SIGTERM', () =>
  void close().then(
    () => {
      process.stdout.write(`STATEMENTS ${JSON.stringify(statements.report())}\n`);
      process.exit(0);
    },
    () => process.exit(1),
  ),
);
