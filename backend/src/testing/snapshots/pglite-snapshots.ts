import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
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
 * the migrations and seed the dump already holds. Built by one worker at a time (a lock file) and
 * written to a temporary name then renamed, so workers starting together each read a whole file.
 */
export function pgliteSnapshot(key: string, build: (handle: DatabaseHandle) => Promise<void>): Promise<Blob> {
  return cached(key, () => readOrBuild(key, openEmptyCluster, build));
}

function cached(key: string, load: () => Promise<Blob>): Promise<Blob> {
  let snap = inProcess.get(key);
  if (!snap) {
    snap = load();
    inProcess.set(key, snap);
    snap.catch(() => inProcess.delete(key));
  }
  return snap;
}

/** A new in-memory PGlite started from the snapshot: its own copy, nothing shared. */
export async function openFromSnapshot(key: string, build: (handle: DatabaseHandle) => Promise<void>): Promise<DatabaseHandle> {
  return openDatabase({ dataDir: 'memory://', loadDataDir: await pgliteSnapshot(key, build) });
}

/**
 * A new in-memory PGlite as initdb leaves it, restored from a dump of one: what every snapshot is
 * built on. initdb is most of a build; its result depends only on PGlite's version (the
 * lockfile's), so this dump outlives the source changes that rebuild the others.
 */
export async function openEmptyCluster(): Promise<DatabaseHandle> {
  return openDatabase({ dataDir: 'memory://', loadDataDir: await emptyCluster() });
}

function emptyCluster(): Promise<Blob> {
  const key = `empty-${createHash('sha256').update(readFileSync(path.join(REPO_ROOT, 'package-lock.json'))).digest('hex').slice(0, 16)}`;
  return cached(key, () => readOrBuild(key, () => openDatabase({ dataDir: 'memory://' }), async () => undefined));
}

/**
 * The dump as PGlite restores it fastest: an uncompressed tar, inflated once per process. Given the
 * gzipped one, every open would first fail to untar it, then inflate it (a third of an open).
 */
const tarOf = (gzipped: Uint8Array): Blob => new Blob([gunzipSync(gzipped)], { type: 'application/x-tar' });

/** How often a worker waiting for another's build looks for its file. */
const BUILD_POLL_MS = 50;

async function readOrBuild(key: string, open: () => Promise<DatabaseHandle>, build: (handle: DatabaseHandle) => Promise<void>): Promise<Blob> {
  const file = path.join(SNAPSHOT_DIR, `${key}.tgz`);
  const lock = `${file}.lock`;
  mkdirSync(SNAPSHOT_DIR, { recursive: true });
  // One worker builds a missing snapshot; the others (starting with the same files) wait for it.
  for (;;) {
    const found = readSnapshot(file);
    if (found) return found;
    if (takeBuildLock(lock)) break;
    await new Promise((r) => setTimeout(r, BUILD_POLL_MS));
  }
  try {
    const builtMeanwhile = readSnapshot(file);
    if (builtMeanwhile) return builtMeanwhile;
    const handle = await open();
    let blob: Blob;
    try {
      await build(handle);
      blob = await handle.dumpDataDir!();
    } finally {
      await handle.close();
    }
    pruneStale();
    const gzipped = Buffer.from(await blob.arrayBuffer());
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(tmp, gzipped);
    renameSync(tmp, file);
    return tarOf(gzipped);
  } finally {
    rmSync(lock, { force: true });
  }
}

function readSnapshot(file: string): Blob | undefined {
  try {
    return tarOf(readFileSync(file));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    return undefined;
  }
}

/** The build lock is a file naming its holder's pid; a dead holder's (a killed worker's) is removed. */
function takeBuildLock(lock: string): boolean {
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  let holder: number;
  try {
    holder = Number(readFileSync(lock, 'utf8'));
  } catch {
    return false; // released just now: the next look finds the snapshot or takes the lock
  }
  if (holder > 0 && !alive(holder)) rmSync(lock, { force: true });
  return false;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
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
