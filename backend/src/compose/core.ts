import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { CatalogProvider } from '../analytics/catalog-provider.js';
import { CallReads } from '../calls/call-reads.js';
import { callsProjection } from '../calls/calls-projection.js';
import { ToolRouter } from '../calls/tool-router.js';
import type { Config } from '../config/load-config.js';
import type { FeatureRegistry } from '../features/registry.js';
import type { AnyFeature, Clock, FeaturePorts } from '../features/types.js';
import { EventStore } from '../storage/event-store.js';
import type { Projection } from '../storage/events.js';
import { JobQueue, type JobHandler } from '../storage/jobs.js';
import type { Database } from '../storage/schema.js';
import type { StorageMetrics } from '../storage/storage-metrics.js';
import { accessCodesProjection } from '../tenancy/access-codes-projection.js';
import { TenantRepository } from '../tenancy/tenant-repository.js';
import { tenantsProjection } from '../tenancy/tenants-projection.js';

export interface CoreOptions {
  config: Config;
  log: Logger;
  clock?: Clock;
  storageMetrics?: StorageMetrics;
}

/**
 * Everything that runs over the database, composed once per runtime: the event store with every
 * projection and reactor, the job queue, the core's reads, the analytics catalog, the tool
 * router and each feature's ports. main.ts, tests and benchmarks all get it from here.
 */
export interface Core {
  readonly db: Kysely<Database>;
  readonly config: Config;
  readonly log: Logger;
  readonly clock: Clock;
  readonly registry: FeatureRegistry;
  readonly events: EventStore;
  readonly jobs: JobQueue;
  readonly tenants: TenantRepository;
  readonly calls: CallReads;
  /** The analytic views' catalog, read once after migrations (main.ts) and kept in memory. */
  readonly catalog: CatalogProvider;
  readonly router: ToolRouter;
  /** The ports a feature's tools, routes and jobs run with. */
  portsOf(feature: AnyFeature | string): FeaturePorts;
  /** Every feature's job handlers, for the worker. */
  jobHandlers(): Record<string, JobHandler>;
}

/** The core's projections (tenants, access codes, calls), then each feature's. */
export function allProjections(registry: FeatureRegistry): Projection[] {
  return [tenantsProjection, accessCodesProjection, callsProjection, ...registry.features.flatMap((f) => f.projections ?? [])];
}

export function composeCore(db: Kysely<Database>, registry: FeatureRegistry, opts: CoreOptions): Core {
  const { config, log } = opts;
  const clock = opts.clock ?? (() => new Date());
  const jobs = new JobQueue(db);
  const events = new EventStore(
    db,
    allProjections(registry),
    registry.features.flatMap((f) => f.reactors?.({ jobs, clock }) ?? []),
    opts.storageMetrics,
  );
  const catalog = new CatalogProvider(db);
  const ports: FeaturePorts = Object.freeze({ db, events, jobs, clock, config, log, catalog });
  const portsOf = (feature: AnyFeature | string): FeaturePorts => {
    const name = typeof feature === 'string' ? feature : feature.manifest.name;
    if (!registry.get(name)) throw new Error(`no feature ${name}`);
    return ports;
  };
  const router = new ToolRouter({ registry, policy: config, events, portsOf });
  return {
    db,
    config,
    log,
    clock,
    registry,
    events,
    jobs,
    tenants: new TenantRepository(db),
    calls: new CallReads(db),
    catalog,
    router,
    portsOf,
    jobHandlers: () => Object.assign({}, ...registry.features.map((f) => f.jobs?.(portsOf(f)) ?? {})),
  };
}
