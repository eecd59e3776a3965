import { accountsMigrations, billingMigrations } from '@vozlia/control-plane';
import type { Migration } from 'kysely';
import { analyticsMigrations } from '../analytics/migrations/index.js';
import type { FeatureRegistry } from '../features/registry.js';
import { notificationMigrations } from '../notifications/migrations/index.js';
import { tenancyMigrations } from '../tenancy/migrations/index.js';

/**
 * The migrations the composition adds to storage's own (which `migrateToLatest` always runs):
 * tenancy's, analytics', the control plane's (accounts, billing), notifications' and every
 * feature's. A name declared twice stops the start.
 */
export function moduleMigrations(registry: FeatureRegistry): Record<string, Migration> {
  const all: Record<string, Migration> = { ...tenancyMigrations, ...analyticsMigrations, ...accountsMigrations, ...billingMigrations, ...notificationMigrations };
  for (const f of registry.features) {
    for (const [name, m] of Object.entries(f.migrations ?? {})) {
      if (all[name]) throw new Error(`migration ${name} is declared twice (feature ${f.manifest.name})`);
      all[name] = m;
    }
  }
  return all;
}
