import pino from 'pino';
import { composeCore } from '../../compose/core.js';
import { moduleMigrations } from '../../compose/migrations.js';
import { loadConfig } from '../../config/load-config.js';
import { seedFeatureDemos } from '../../demo/seed.js';
import { DEMO_TENANTS, seedDemoTenants } from '../../demo/tenants.js';
import { loadFeatures } from '../../features/registry.js';
import type { DatabaseHandle } from '../../storage/database.js';
import { migrateToLatest } from '../../storage/migrate.js';
import { migrationsKey } from './source-key.js';

/**
 * What a full runtime's database holds before its first start: every module's migrations and
 * (when `seeded`) the demo tenants and each feature's demo history. Not the server secret nor the
 * access codes (hashed with it): each runtime makes its own, as a first start does.
 */
export async function buildRuntimeDatabase(handle: DatabaseHandle, seeded: boolean): Promise<void> {
  const registry = await loadFeatures();
  await migrateToLatest(handle.db, moduleMigrations(registry));
  if (!seeded) return;
  const core = composeCore(handle, registry, { config: loadConfig({}), log: pino({ level: 'silent' }) });
  await seedDemoTenants(core.events);
  await seedFeatureDemos(core, registry);
}

/**
 * The key of that database. Seeded history is generated back from "today" in each demo tenant's
 * zone, so the local dates are part of it: a snapshot seeded yesterday is never reused.
 */
export async function runtimeDatabaseKey(seeded: boolean): Promise<string> {
  const migrations = moduleMigrations(await loadFeatures());
  if (!seeded) return migrationsKey(migrations, 'runtime');
  const days = DEMO_TENANTS.map((t) => new Date().toLocaleDateString('en-CA', { timeZone: t.timeZone })).join(',');
  return migrationsKey(migrations, `runtime-seeded:${days}`);
}
