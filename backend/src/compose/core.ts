import type { Accounts, Billing } from '@vozlia/control-plane';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { Analytics } from '../analytics/analytics.js';
import { analyticsAuditProjection } from '../analytics/audit.js';
import { skillsProjection } from '../analytics/skills/skills-projection.js';
import { CallHistory } from '../calls/call-history.js';
import { CallReads } from '../calls/call-reads.js';
import { callsProjection } from '../calls/calls-projection.js';
import { ToolRouter } from '../calls/tool-router.js';
import type { Config } from '../config/load-config.js';
import type { FeatureRegistry } from '../features/registry.js';
import type { AnyFeature, Clock, CoreReads, FeatureModule, FeaturePorts } from '../features/types.js';
import { notifications, type Notifications, type NotificationsDeps } from '../notifications/index.js';
import { notifyPort, type NotifyPort } from '../notifications/notify-port.js';
import type { DatabaseHandle } from '../storage/database.js';
import { EventReader } from '../storage/event-reads.js';
import { EventStore } from '../storage/event-store.js';
import type { Projection } from '../storage/events.js';
import { JobQueue, type JobHandler } from '../storage/jobs.js';
import type { Database } from '../storage/schema.js';
import type { StorageMetrics } from '../storage/storage-metrics.js';
import { accessCodesProjection } from '../tenancy/access-codes-projection.js';
import { callSettingsOf, type CallSettingsReader } from '../tenancy/call-settings.js';
import { TenantAdmin } from '../tenancy/tenant-admin.js';
import { TenantRepository } from '../tenancy/tenant-repository.js';
import { tenantsProjection } from '../tenancy/tenants-projection.js';
import { composeAccounts } from './accounts.js';
import { accountsHousekeeping } from './accounts-housekeeping.js';
import { composeBilling } from './billing.js';
import { notificationAudience } from './notification-audience.js';

export interface CoreOptions {
  config: Config;
  log: Logger;
  clock?: Clock;
  storageMetrics?: StorageMetrics;
  /** The outbox worker's timing and limits (tests: fast polls); the channels come from the config. */
  outbox?: NotificationsDeps['worker'];
}

/**
 * Everything that runs over the database, composed once per runtime: the event store with every
 * projection and reactor, the job queue, the core's reads, analytics, the tool router and each
 * feature's ports. main.ts, tests and benchmarks all get it from `composeCore`.
 */
export interface Core {
  readonly db: Kysely<Database>;
  readonly config: Config;
  readonly log: Logger;
  readonly clock: Clock;
  readonly registry: FeatureRegistry;
  readonly events: EventStore;
  readonly jobs: JobQueue;
  readonly reads: CoreReads;
  readonly tenants: TenantRepository;
  /** Reads of the `calls` projection for the live call path. */
  readonly calls: CallReads;
  readonly analytics: Analytics;
  readonly router: ToolRouter;
  /** Provisioning: create, suspend, resume, delete tenants; the owner's settings (all as events). */
  readonly tenantAdmin: TenantAdmin;
  /** A tenant's call settings (transfer numbers, hours, blocked callers, cap), read once per call. */
  readonly callSettings: CallSettingsReader;
  /** Owner accounts and sessions (control plane): the auth routes, the tenant gate, the service. */
  readonly accounts: Accounts;
  /** Queues tomorrow's purge of expired sessions (daily; at start and by the job itself). */
  scheduleHousekeeping(): Promise<void>;
  /** Usage metering and billing (control plane): services for the routes, job handlers. */
  readonly billing: Billing;
  /** Messages out: the outbox worker, the Twilio SMS and tenant routes, the channels to close. */
  readonly notifications: Notifications;
  /** The port features get, for call control and other callers outside the features. */
  readonly notify: NotifyPort;
  /** The ports a feature's tools, routes and jobs run with (its own store included). */
  portsOf<S>(feature: FeatureModule<S>): FeaturePorts<S>;
  portsOf(feature: AnyFeature | string): FeaturePorts<unknown>;
  /** Every feature's job handlers, billing's and the accounts' housekeeping, for the worker. */
  jobHandlers(): Record<string, JobHandler>;
}

/** The core's typed reads over a handle (the database, or an append's transaction). */
export function coreReads(db: Kysely<Database>): CoreReads {
  return { tenants: new TenantRepository(db), calls: new CallHistory(new EventReader(db)), within: (trx) => coreReads(trx) };
}

/** The core's projections (tenants, access codes, calls, analytics), then each feature's. */
export function allProjections(registry: FeatureRegistry, reads: CoreReads): Projection[] {
  return [
    tenantsProjection,
    accessCodesProjection,
    callsProjection,
    analyticsAuditProjection,
    skillsProjection,
    ...registry.features.flatMap((f) => f.projections?.({ reads }) ?? []),
  ];
}

export function composeCore(database: Pick<DatabaseHandle, 'db' | 'kind'>, registry: FeatureRegistry, opts: CoreOptions): Core {
  const { db } = database;
  const { config, log } = opts;
  const clock = opts.clock ?? (() => new Date());
  const jobs = new JobQueue(db);
  const reads = coreReads(db);
  const messages = notifications({ db, config, clock, log, audience: notificationAudience(registry, config.features), ...(opts.outbox ? { worker: opts.outbox } : {}) });
  const events: EventStore = new EventStore(
    db,
    [...allProjections(registry, reads), ...messages.projections],
    [
      ...registry.features.flatMap((f) => f.reactors?.({ jobs, clock, reads }) ?? []),
      // Outbox rows and `message.queued` in the cause's own transaction.
      messages.reactor((trx, reqs) => events.appendManyIn(trx, reqs)),
    ],
    opts.storageMetrics,
  );
  const analytics = new Analytics({ db, kind: database.kind, events, clock, log });
  const ports = new Map<string, FeaturePorts<unknown>>(
    registry.features.map((f) => [
      f.manifest.name,
      Object.freeze({ events, reads, jobs, clock, config, log, analytics, notify: notifyPort, store: f.store?.({ db, events }) }),
    ]),
  );
  function portsOf<S>(feature: FeatureModule<S>): FeaturePorts<S>;
  function portsOf(feature: AnyFeature | string): FeaturePorts<unknown>;
  function portsOf(feature: AnyFeature | string): FeaturePorts<unknown> {
    const name = typeof feature === 'string' ? feature : feature.manifest.name;
    const found = ports.get(name);
    if (!found) throw new Error(`no feature ${name} in this runtime`);
    return found;
  }
  const tenants = new TenantRepository(db);
  const billing = composeBilling({ db, config, log, clock, events, jobs, tenants });
  const accounts = composeAccounts({ db, config, log, clock, tenants });
  const housekeeping = accountsHousekeeping(accounts, jobs, clock, log);
  return {
    db,
    config,
    log,
    clock,
    registry,
    events,
    jobs,
    reads,
    tenants,
    calls: new CallReads(db),
    tenantAdmin: new TenantAdmin(db, events, clock),
    callSettings: async (id) => {
      const tenant = await reads.tenants.get(id);
      return tenant && callSettingsOf(tenant);
    },
    analytics,
    accounts,
    scheduleHousekeeping: housekeeping.scheduleNext,
    billing,
    router: new ToolRouter({ registry, policy: config, events, portsOf }),
    notifications: messages,
    notify: notifyPort,
    portsOf,
    jobHandlers: () => Object.assign({}, ...registry.features.map((f) => f.jobs?.(portsOf(f)) ?? {}), billing.jobHandlers, housekeeping.jobHandlers),
  };
}
