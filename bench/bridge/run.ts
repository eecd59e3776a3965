/** One measured run: the generator on core 1, the server of `mode` on core 0 (none for `direct`). */
import { fileURLToPath } from 'node:url';
import type { Mode } from './args.js';
import { CLK_TCK, cpuTicks, exited, expectLine, lines, rssKiB, startPinned } from './processes.js';
import { scrapeShare } from './scrape.js';
import { settle, type AfterCall } from './settle.js';
import type { ShareHistogram } from './share-histogram.js';

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));

export interface DirectionResult {
  n: number;
  p50: number;
  p99: number;
  max: number;
  lost: number;
  reordered: number;
  duplicated: number;
}

export interface RunResult {
  mode: Mode;
  inbound: DirectionResult;
  outbound: DirectionResult & { crossTalk: number };
  marksEchoed: number;
  generatorCpuShare: number;
  serverCpuShare: number | null;
  /** Server CPU µs per relayed audio frame (both directions): robust to other load on the box. */
  serverCpuUsPerFrame: number | null;
  serverRssPerCallKiB: number | null;
  /** Setting up all N calls at once (webhook, admission, connect, configure): wall ms, and server CPU ms per call. */
  setupWallMs: number;
  setupCpuMsPerCall: number | null;
  /** The app's work after its calls hung up (server CPU ms per call until it went quiet); null for the relays. */
  afterCall: (AfterCall & { cpuMsPerCall: number }) | null;
  /** The bridge's own share (`bridge`, `app`): the server's histogram once every call ended; warm-up included. */
  share: ShareHistogram | null;
}

/** Modes whose server runs the real media-stream plugin, and so records the bridge's own share. */
const SHARE_MODES: readonly Mode[] = ['bridge', 'app'];

/** Makes the app's restart state in `seededDir` (prepare-app.ts), in its own process, before any app run. */
export async function prepareAppRuns(seededDir: string): Promise<void> {
  const p = startPinned(0, [here('./prepare-app.ts'), seededDir]);
  await exited(p);
  if (p.exitCode !== 0) throw new Error(`prepare-app.ts failed (exit ${p.exitCode ?? p.signalCode})`);
}

/** `seededDir`: the app's restart state (`prepareAppRuns`); every app run starts on a copy. */
export async function runOnce(mode: Mode, calls: number, seconds: number, seededDir: string, warmupMs = 2000): Promise<RunResult> {
  const gen = startPinned(1, [here('./generator.ts'), mode, String(calls), String(seconds), String(warmupMs)]);
  const g = lines(gen);
  const rtPort = await expectLine(g, 'RT ');
  const server = mode === 'direct' ? null : startPinned(0, [here('./server-entry.ts'), mode, `ws://127.0.0.1:${rtPort}/v1/realtime?model=bench`, seededDir]);
  let rss0 = 0;
  let setup0 = 0;
  let port = 0;
  if (server) {
    port = Number(await expectLine(lines(server), 'PORT '));
    await new Promise((r) => setTimeout(r, 300));
    rss0 = rssKiB(server.pid!);
    setup0 = cpuTicks(server.pid!);
    gen.stdin!.write(`GO ${port}\n`);
  } else {
    gen.stdin!.write('GO direct\n');
  }
  const setupWallMs = Number(await expectLine(g, 'READY '));
  const setupCpuMsPerCall = server ? ((cpuTicks(server.pid!) - setup0) * (1000 / CLK_TCK)) / calls : null;
  await expectLine(g, 'MEASURE_START');
  const c0 = server ? cpuTicks(server.pid!) : 0;
  const w0 = performance.now();
  await expectLine(g, 'MEASURE_END');
  const c1 = server ? cpuTicks(server.pid!) : 0;
  const wall = (performance.now() - w0) / 1000;
  const rss1 = server ? rssKiB(server.pid!) : 0;
  const result = JSON.parse(await expectLine(g, 'RESULT ')) as Omit<RunResult, 'serverCpuShare' | 'serverCpuUsPerFrame' | 'serverRssPerCallKiB' | 'setupWallMs' | 'setupCpuMsPerCall' | 'afterCall' | 'share'>;
  await expectLine(g, 'HUNG_UP');
  // Each call observes its share samples as it ends.
  const share = server && SHARE_MODES.includes(mode) ? await scrapeShare(port, calls) : null;
  // Only the app does work after a call (records, summaries, notices); the generator serves its text model meanwhile.
  const afterCall = server && mode === 'app' ? await settle(server.pid!) : null;
  gen.stdin!.write('EXIT\n');
  await exited(gen);
  if (server) {
    // Wait for the server's shutdown (the app writes 100 call records): the next run gets a quiet core.
    server.kill('SIGTERM');
    await exited(server);
  }
  const cpuSeconds = (c1 - c0) / CLK_TCK;
  return {
    ...result,
    serverCpuShare: server ? cpuSeconds / wall : null,
    serverCpuUsPerFrame: server ? (cpuSeconds * 1e6) / (result.inbound.n + result.outbound.n) : null,
    serverRssPerCallKiB: server ? (rss1 - rss0) / calls : null,
    setupWallMs,
    setupCpuMsPerCall,
    afterCall: afterCall && { ...afterCall, cpuMsPerCall: afterCall.cpuMs / calls },
    share,
  };
}
