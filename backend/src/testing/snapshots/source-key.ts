import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Migration } from 'kysely';

/** The repository root (this file is backend/src/testing/snapshots/). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Every source a migrated or seeded database can depend on: the packages' code and the lockfile (PGlite's version). */
const SOURCE_DIRS = ['backend/src', 'control_plane/src', 'contract/src'];

let memo: string | undefined;

/**
 * A hash of all non-test TypeScript under SOURCE_DIRS plus package-lock.json. Coarse on
 * purpose: a migration's helper, a projection or a seed file changed anywhere rebuilds every
 * snapshot, so a cached database can never be older than the code that made it.
 */
export function sourceKey(): string {
  if (memo) return memo;
  const hash = createHash('sha256');
  hash.update(readFileSync(path.join(REPO_ROOT, 'package-lock.json')));
  for (const dir of SOURCE_DIRS) {
    const files = (readdirSync(path.join(REPO_ROOT, dir), { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .sort();
    for (const f of files) {
      hash.update(`${dir}/${f}\0`);
      hash.update(readFileSync(path.join(REPO_ROOT, dir, f)));
    }
  }
  memo = hash.digest('hex');
  return memo;
}

/**
 * The key of a database migrated with these migrations: the sources, the names, and each
 * migration's own text (a test may declare migrations inline, outside the hashed sources).
 */
export function migrationsKey(migrations: Record<string, Migration>, label = 'migrated'): string {
  const hash = createHash('sha256').update(`${label}\0${sourceKey()}\0`);
  for (const name of Object.keys(migrations).sort()) {
    const m = migrations[name]!;
    hash.update(`${name}\0${String(m.up)}\0${String(m.down ?? '')}\0`);
  }
  return hash.digest('hex').slice(0, 24);
}
