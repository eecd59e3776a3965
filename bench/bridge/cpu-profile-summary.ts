/**
 * Top self time of a V8 `.cpuprofile` (what `node --cpu-prof` or the inspector's Profiler writes),
 * by function and by module: the profile harness's ranking of where a server's CPU goes.
 */

/** The parts of the V8 CPU profile format read here. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

export interface SelfTime {
  name: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** Self time outside `(idle)`: what the process spent on CPU. */
  busyMs: number;
  byFunction: SelfTime[];
  byModule: SelfTime[];
}

/**
 * A module as a person reads it: `pkg` for a dependency (scoped ones `@scope/pkg`), the path
 * below the repository for our sources, node's own `node:…`, and V8's `(gc)`, `(program)`.
 */
export function moduleOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + '/node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  if (url.startsWith('node:')) return url;
  const src = /\/((?:backend|control_plane|contract|bench)\/.*)$/.exec(url);
  return src ? src[1]! : url;
}

/** Self time per node from the samples and their time deltas (hit counts when there are none). */
function selfTimes(p: CpuProfile): Map<number, number> {
  const self = new Map<number, number>();
  if (p.samples && p.timeDeltas && p.samples.length === p.timeDeltas.length) {
    // Delta i is the time before sample i, so sample i's own time is delta i+1.
    for (let i = 0; i < p.samples.length; i++) {
      const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
      self.set(p.samples[i]!, (self.get(p.samples[i]!) ?? 0) + dt);
    }
    return self;
  }
  const total = p.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0);
  const msPerHit = total > 0 ? (p.endTime - p.startTime) / 1000 / total : 0;
  for (const n of p.nodes) self.set(n.id, (n.hitCount ?? 0) * msPerHit);
  return self;
}

function ranked(totals: Map<string, number>, busyMs: number, top: number): SelfTime[] {
  return [...totals]
    .map(([name, ms]) => ({ name, ms, share: busyMs > 0 ? ms / busyMs : 0 }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
}

export function summariseProfile(p: CpuProfile, top = 25): ProfileSummary {
  const self = selfTimes(p);
  const byFunction = new Map<string, number>();
  const byModule = new Map<string, number>();
  let totalMs = 0;
  let busyMs = 0;
  for (const n of p.nodes) {
    const ms = self.get(n.id) ?? 0;
    if (ms === 0) continue;
    totalMs += ms;
    const { functionName, url, lineNumber } = n.callFrame;
    if (functionName === '(idle)') continue;
    busyMs += ms;
    const mod = moduleOf(url, functionName);
    const fn = `${functionName || '(anonymous)'} ${mod}${url ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
    byModule.set(mod, (byModule.get(mod) ?? 0) + ms);
  }
  return { totalMs, busyMs, byFunction: ranked(byFunction, busyMs, top), byModule: ranked(byModule, busyMs, top) };
}

export function formatSummary(s: ProfileSummary): string {
  const row = (t: SelfTime) => `${t.ms.toFixed(0).padStart(7)} ms ${(t.share * 100).toFixed(1).padStart(5)} %  ${t.name}`;
  return [
    `profiled ${s.totalMs.toFixed(0)} ms, busy ${s.busyMs.toFixed(0)} ms (${((s.busyMs / Math.max(s.totalMs, 1)) * 100).toFixed(1)} %)`,
    'self time by module:',
    ...s.byModule.map(row),
    'self time by function:',
    ...s.byFunction.map(row),
  ].join('\n');
}
