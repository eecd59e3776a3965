import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, type DatabaseHandle } from '../../storage/database.js';
import { REPO_ROOT } from './source-key.js';

/** Git-ignored (node_modules/), per clone, rebuilt by any test run that misses. */
export const SNAPSHOT_DIR = path.join(REPO_ROOT, 'node_modules/.cache/vozlia-test-db');
/** Snapshots written this long ago are removed when a new one is written. */
const STALE_MS = 2 * 24 * 3600_000;

const inProcess = new Map<string, Promise<Blob>>();

/**
 * A dumped PGlite data directory for `key`, built once by `build` on an empty in-memory
 * database. Booting PGlite from a dump skips initdb (most of a fresh PGlite's start-up), and
 * the migrations and seed the dump already holds. Written to a temporary name then renamed, so
 * test workers starting together each read a whole file (at worst two build the same one).
 */
export function pgliteSnapshot(key: string, build: (handle: DatabaseHandle) => Promise<void>): Promise<Blob> {
  let snap = inProcess.get(key);
  if (!snap) {
    snap = readOrBuild(key, build);
    inProcess.set(key, snap);
    snap.catch(() => inProcess.delete(key));
  }
  return snap;
}

/** A new in-memory PGlite started from the snapshot: its own copy, nothing shared. */
export async function openFromSnapshot(key: string, build: (handle: DatabaseHandle) => Promise<void>): Promise<DatabaseHandle> {
  return openDatabase({ dataDir: 'memory://', loadDataDir: await pgliteSnapshot(key, build) });
}

async function readOrBuild(key: string, build: (handle: DatabaseHandle) => Promise<void>): Promise<Blob> {
  const file = path.join(SNAPSHOT_DIR, `${key}.tgz`);
  try {
    return new Blob([readFileSync(file)]);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const handle = await openDatabase({ dataDir: 'memory://' });
  let blob: Blob;
  try {
    await build(handle);
    blob = await handle.dumpDataDir!();
  } finally {
    await handle.close();
  }
  mkdirSync(SNAPSHOT_DIR, { recursive: true });
  pruneStale();
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
  renameSync(tmp, file);
  return blob;
}

function pruneStale(): void {
  const now = Date.now();
  for (const name of readdirSync(SNAPSHOT_DIR)) {
    const f = path.join(SNAPSHOT_DIR, name);
    try {
      if (now - statSync(f).mtimeMs > STALE_MS) rmSync(f, { force: true });
    } catch {
      // Another worker removed it first.
    }
  }
}
