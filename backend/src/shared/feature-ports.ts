import type { Kysely, Migration } from 'kysely';
import pino from 'pino';
import { loadConfig } from '../config/load-config.js';
import type { Clock, FeatureModule, FeaturePorts } from '../features/types.js';
import { EventStore } from '../storage/event-store.js';
import { JobQueue } from '../storage/jobs.js';
import type { Database } from '../storage/schema.js';
import { tenantsProjection } from '../tenancy/tenants-projection.js';

/**
 * Ports for a set of features over a given database, composed as main.ts does (tenants
 * projection + the features' projections and reactors). For tests and benchmarks.
 */
export function featurePorts(
  db: Kysely<Database>,
  features: readonly FeatureModule[],
  opts: { clock?: Clock; env?: NodeJS.ProcessEnv } = {},
): FeaturePorts {
  const jobs = new JobQueue(db);
  const clock = opts.clock ?? (() => new Date());
  const events = new EventStore(
    db,
    [tenantsProjection, ...features.flatMap((f) => f.projections ?? [])],
    features.flatMap((f) => f.reactors?.({ jobs, clock }) ?? []),
  );
  return { db, events, jobs, clock, config: loadConfig(opts.env ?? {}), log: pino({ level: 'silent' }) };
}

export function featureMigrations(features: readonly FeatureModule[]): Record<string, Migration> {
  return Object.assign({}, ...features.map((f) => f.migrations ?? {}));
}
