/** Child processes of the bench: pinned to a core, read line by line, CPU and RSS from /proc. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

export const PINNED = existsSync('/usr/bin/taskset') || existsSync('/bin/taskset');
/** /proc/<pid>/stat counts CPU time in clock ticks of 1/100 s. */
export const CLK_TCK = 100;

/** Runs a TypeScript entry with tsx (sources resolved from the workspaces), on `core` when taskset exists. */
export function startPinned(core: number, args: string[]): ChildProcess {
  const node = [process.execPath, '--conditions=vozlia-source', '--import', 'tsx', ...args];
  return PINNED ? spawn('taskset', ['-c', String(core), ...node], { stdio: ['pipe', 'pipe', 'inherit'] }) : spawn(node[0]!, node.slice(1), { stdio: ['pipe', 'pipe', 'inherit'] });
}

export function lines(p: ChildProcess): AsyncIterator<string> {
  return createInterface({ input: p.stdout! })[Symbol.asyncIterator]();
}

export async function expectLine(it: AsyncIterator<string>, prefix: string): Promise<string> {
  for (;;) {
    const { value, done } = await it.next();
    if (done) throw new Error(`child ended before ${prefix}`);
    if (value.startsWith(prefix)) return value.slice(prefix.length).trim();
  }
}

export function exited(p: ChildProcess): Promise<void> {
  return p.exitCode !== null || p.signalCode !== null ? Promise.resolve() : new Promise((r) => p.once('exit', () => r()));
}

export function cpuTicks(pid: number): number {
  const { user, system } = cpuSplit(pid);
  return user + system;
}

/** CPU ticks in user space and in the kernel (on loopback, a socket write carries the TCP stack's work). */
export function cpuSplit(pid: number): { user: number; system: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { user: Number(f[11]), system: Number(f[12]) }; // utime, stime
}

export function rssKiB(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}
