import pino from 'pino';
import type { Migration } from 'kysely';
import { composeCore, type Core } from '../compose/core.js';
import { moduleMigrations } from '../compose/migrations.js';
import { loadConfig } from '../config/load-config.js';
import { FeatureRegistry } from '../features/registry.js';
import type { AnyFeature, Clock } from '../features/types.js';
import type { DatabaseHandle } from '../storage/database.js';

export interface TestCoreOptions {
  clock?: Clock;
  /** Environment (contract §2 names) for the config; default: none set. */
  env?: Record<string, string>;
}

/** The core exactly as a runtime composes it (compose/core.ts), over a test database and these features. */
export function testCore(database: Pick<DatabaseHandle, 'db' | 'kind'>, features: readonly AnyFeature[], opts: TestCoreOptions = {}): Core {
  return composeCore(database, new FeatureRegistry(features), {
    config: loadConfig(opts.env ?? {}),
    log: pino({ level: 'silent' }),
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
}

/** The migrations a runtime with these features adds to storage's own. */
export function testMigrations(features: readonly AnyFeature[]): Record<string, Migration> {
  return moduleMigrations(new FeatureRegistry(features));
}
