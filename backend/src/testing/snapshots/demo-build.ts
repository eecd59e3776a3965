import pino from 'pino';
import { composeCore } from '../../compose/core.js';
import { moduleMigrations } from '../../compose/migrations.js';
import { loadConfig } from '../../config/load-config.js';
import { seedDemoNotificationSettings } from '../../demo/notification-settings.js';
import { seedFeatureDemos } from '../../demo/seed.js';
import { seedDemoSettings } from '../../demo/tenant-settings.js';
import { DEMO_TENANTS, seedDemoTenants } from '../../demo/tenants.js';
import { loadFeatures } from '../../features/registry.js';
import type { Clock } from '../../features/types.js';
import type { DatabaseHandle } from '../../storage/database.js';
import { migrateToLatest } from '../../storage/migrate.js';
import { migrationsKey } from './source-key.js';

/**
 * What a full runtime's database holds before its first start: every module's migrations and
 * (when `seeded`) demo/seed.ts's steps that need no server secret nor accounts: tenants, their
 * settings, notification settings, each feature's history. The access codes (hashed with the
 * secret) and the owners are left to each runtime, as a first start makes them; a step added to
 * seedDemo later is simply seeded at start (every step is idempotent), only slower.
 */
export async function buildRuntimeDatabase(handle: DatabaseHandle, seeded: boolean, clock: Clock): Promise<void> {
  const registry = await loadFeatures();
  await migrateToLatest(handle.db, moduleMigrations(registry));
  if (!seeded) return;
  const core = composeCore(handle, registry, { config: loadConfig({}), log: pino({ level: 'silent' }), clock });
  await seedDemoTenants(core.events);
  await seedDemoSettings(core.events);
  await seedDemoNotificationSettings(core.events, clock());
  await seedFeatureDemos(core, registry);
}

/**
 * The key of that database. Seeded history is generated back from "today" (the clock's) in each
 * demo tenant's zone, so those local dates are part of it: a snapshot of another day is not reused.
 */
export async function runtimeDatabaseKey(seeded: boolean, clock: Clock): Promise<string> {
  const migrations = moduleMigrations(await loadFeatures());
  if (!seeded) return migrationsKey(migrations, 'runtime');
  const now = clock();
  const days = DEMO_TENANTS.map((t) => now.toLocaleDateString('en-CA', { timeZone: t.timeZone })).join(',');
  return migrationsKey(migrations, `runtime-seeded:${days}`);
}
