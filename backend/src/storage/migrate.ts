import { Migrator, type Kysely, type Migration } from 'kysely';
import type { Database } from './schema.js';
import { coreMigrations } from './migrations/index.js';

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/**
 * Runs core and feature migrations in name order (names are date-prefixed). Kysely takes a
 * database lock (an advisory lock on PostgreSQL), so instances starting together migrate once.
 */
export async function migrateToLatest(db: Kysely<Database>, extra: Record<string, Migration> = {}): Promise<string[]> {
  const all: Record<string, Migration> = { ...coreMigrations };
  for (const [name, m] of Object.entries(extra)) {
    if (all[name]) throw new MigrationError(`migration ${name} is declared twice`);
    all[name] = m;
  }
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => all },
    // Features arrive as folders; one added later may sort before migrations already applied.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
