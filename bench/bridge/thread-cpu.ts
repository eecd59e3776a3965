/** CPU ticks per thread of a process, grouped by thread name (Linux /proc): main loop vs GC helpers vs libuv pool. */
import { readdirSync, readFileSync } from 'node:fs';

export function threadTicks(pid: number): Map<string, number> {
  const byName = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    } catch {
      continue; // the thread ended between the listing and the read
    }
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const key = tid === String(pid) ? `${name} (main)` : name;
    byName.set(key, (byName.get(key) ?? 0) + Number(f[11]) + Number(f[12]));
  }
  return byName;
}

/** Ticks spent per thread name between two readings, largest first. */
export function threadTicksSince(before: Map<string, number>, after: Map<string, number>): [string, number][] {
  return [...after].map(([k, v]): [string, number] => [k, v - (before.get(k) ?? 0)]).filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]);
}
