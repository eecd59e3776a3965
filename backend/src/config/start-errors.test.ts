import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const MAIN = 'backend/src/main.ts';
// A hang guard, not a speed budget: booting from source on a loaded machine can take minutes of
// wall time, so the child is killed only when it stops working (no CPU used for IDLE_MS, as a
// server listening instead of exiting would be), or after HARD_LIMIT_MS in any case.
const IDLE_MS = 10_000;
const HARD_LIMIT_MS = 240_000;
const POLL_MS = 500;

/** CPU clock ticks the process has used (Linux /proc); undefined elsewhere, where only the hard limit applies. */
function cpuTicks(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime (fields 14 and 15 of stat)
  } catch {
    return undefined;
  }
}

/** Starts the real entry point (from source) and resolves with its exit code and output. */
function start(extraEnv: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, VOZ_DATA_DIR: 'memory://', LOG_LEVEL: 'silent', ...extraEnv };
  delete env.DATABASE_URL;
  delete env.NODE_OPTIONS;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=vozlia-source', '--import', 'tsx', MAIN], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const started = Date.now();
    let ticks = -1;
    let busyAt = started;
    const timer = setInterval(() => {
      const now = Date.now();
      const t = child.pid === undefined ? undefined : cpuTicks(child.pid);
      if (t !== undefined && t !== ticks) [ticks, busyAt] = [t, now];
      const idle = t !== undefined && now - busyAt > IDLE_MS;
      if (!idle && now - started < HARD_LIMIT_MS) return;
      clearInterval(timer);
      child.kill('SIGKILL');
      reject(new Error(idle ? `main.ts neither exited nor used CPU for ${IDLE_MS} ms` : `main.ts did not exit within ${HARD_LIMIT_MS} ms`));
    }, POLL_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('a bad environment stops the process with one clear line', () => {
  it.concurrent.each([
    ['PORT', 'abc'],
    ['VOZ_ACCESS_CODE_TABLE_JSON', '{'],
  ])('%s=%s exits 1 with one line naming the variable, no stack trace', async (name, value) => {
    const r = await start({ [name]: value });
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(name);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  }, HARD_LIMIT_MS + 10_000);
});
