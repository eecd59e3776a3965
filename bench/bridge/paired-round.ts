/**
 * One paired round: the bare relay and another server relay at the same time, both pinned to
 * core 0, each with its own generator (core 1) and half the calls; both generators start their
 * audio together, so the two measured windows coincide.
 */
import { fileURLToPath } from 'node:url';
import type { RelayMode } from './args.js';
import { CLK_TCK, cpuTicks, exited, expectLine, lines, startPinned } from './processes.js';

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));

/** Each side's share of the calls. */
export const callsPerSide = (calls: number) => Math.max(1, Math.floor(calls / 2));

export interface PairedSide {
  mode: RelayMode;
  /** Server CPU µs per relayed frame (both directions) over its window. */
  usPerFrame: number;
  /** Worse direction's p99, ms. */
  p99: number;
  lost: number;
}

interface Side {
  mode: RelayMode;
  gen: ReturnType<typeof startPinned>;
  g: AsyncIterator<string>;
  server: ReturnType<typeof startPinned>;
  pid: number;
}

async function start(mode: RelayMode, calls: number, seconds: number, seededDir: string, warmupMs: number): Promise<Side> {
  const gen = startPinned(1, [here('./generator.ts'), mode, String(calls), String(seconds), String(warmupMs), 'hold']);
  const g = lines(gen);
  const rtPort = await expectLine(g, 'RT ');
  const server = startPinned(0, [here('./server-entry.ts'), mode, `ws://127.0.0.1:${rtPort}/v1/realtime?model=bench`, seededDir]);
  const port = await expectLine(lines(server), 'PORT ');
  gen.stdin!.write(`GO ${port}\n`);
  await expectLine(g, 'READY ');
  return { mode, gen, g, server, pid: server.pid! };
}

async function measure(side: Side): Promise<PairedSide> {
  await expectLine(side.g, 'MEASURE_START');
  const c0 = cpuTicks(side.pid);
  await expectLine(side.g, 'MEASURE_END');
  const cpuS = (cpuTicks(side.pid) - c0) / CLK_TCK;
  const r = JSON.parse(await expectLine(side.g, 'RESULT ')) as { inbound: { n: number; p99: number; lost: number }; outbound: { n: number; p99: number; lost: number } };
  await expectLine(side.g, 'HUNG_UP');
  return { mode: side.mode, usPerFrame: (cpuS * 1e6) / (r.inbound.n + r.outbound.n), p99: Math.max(r.inbound.p99, r.outbound.p99), lost: r.inbound.lost + r.outbound.lost };
}

async function stop(side: Side): Promise<void> {
  side.gen.stdin!.write('EXIT\n');
  await exited(side.gen);
  side.server.kill('SIGTERM');
  await exited(side.server);
}

/** `modes[0]` starts first (the caller alternates it between rounds); `calls` is split evenly. */
export async function pairedRound(modes: readonly [RelayMode, RelayMode], calls: number, seconds: number, seededDir: string, warmupMs: number): Promise<[PairedSide, PairedSide]> {
  const half = callsPerSide(calls);
  // One after the other: the app's setup (admission, database) stays out of the other's warm-up.
  const a = await start(modes[0], half, seconds, seededDir, warmupMs);
  const b = await start(modes[1], half, seconds, seededDir, warmupMs);
  await new Promise((r) => setTimeout(r, 300));
  a.gen.stdin!.write('AUDIO\n');
  b.gen.stdin!.write('AUDIO\n');
  const results = await Promise.all([measure(a), measure(b)]);
  await Promise.all([stop(a), stop(b)]);
  return results;
}
