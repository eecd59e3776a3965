import type { FastifyPluginAsync } from 'fastify';
import type { Kysely, Migration } from 'kysely';
import type { Logger } from 'pino';
import type { Analytics } from '../analytics/analytics.js';
import type { Config } from '../config/load-config.js';
import type { NotifyPort } from '../notifications/notify-port.js';
import type { ActorMode } from '../policy/modes.js';
import type { EventStore } from '../storage/event-store.js';
import type { Projection, Reactor, StoredEvent, Trx } from '../storage/events.js';
import type { JobHandler, JobQueue } from '../storage/jobs.js';
import type { Database } from '../storage/schema.js';
import type { Tenant } from '../tenancy/tenant.js';

export type { NotifyPort, NotifyRequest } from '../notifications/notify-port.js';

export type Clock = () => Date;

/** What a feature declares about itself; the registry and policy read only this. */
export interface FeatureManifest {
  /** snake_case, equal to the folder name; env switches use it upper-cased. */
  name: string;
  description: string;
  /** Modes the feature may ever run in. */
  modes: readonly ActorMode[];
  /** Never allowed for a client, whatever the configuration says. */
  ownerOnly: boolean;
  defaultEnabled: boolean;
  /** Tools are offered only to tenants of these verticals; absent = every vertical. */
  verticals?: readonly Tenant['vertical'][];
  /** Optional voice-prompt fragments by mode, merged by the mode policy (e.g. customer_greeting's protocol). */
  prompt?: Partial<Record<ActorMode, { instructions?: string; greeting?: string }>>;
}

/** The event store as features use it: append facts, read their streams back. */
export type FeatureEvents = Pick<EventStore, 'append' | 'readStream' | 'streamVersion'>;

/** Typed reads of what the core owns. Features never get a table handle for these. */
export interface CoreReads {
  tenants: { get(id: string): Promise<Tenant | undefined> };
  calls: CallHistoryReads;
  /** The same reads inside a transaction: projections and reactors run in the append's. */
  within(trx: Trx): CoreReads;
}

/** The facts of one call, from its event stream (calls/ owns it). */
export interface CallHistoryReads {
  /** The number the call came from as `call.received` recorded it (E.164, or Twilio's raw value), or null. */
  callerOf(callSid: string): Promise<string | null>;
  /**
   * Events of these types recorded during the call (their metadata names it), in order, from the
   * global position `from` on (the call's first event): the look-up then reads only the log since
   * the call began, not a business's whole history.
   */
  eventsDuring(callSid: string, types: readonly string[], from: number): Promise<StoredEvent[]>;
}

/**
 * The ports the core hands a feature's tools, routes and jobs. Features never import each
 * other (only another feature's `events.ts` contract) and never get the database handle: their
 * own tables are reached through `store`, everything else through these ports.
 */
export interface FeaturePorts<S = undefined> {
  events: FeatureEvents;
  reads: CoreReads;
  jobs: Pick<JobQueue, 'enqueue'>;
  clock: Clock;
  config: Config;
  log: Logger;
  /** The runtime's analytics engine: the catalog, QuerySpec runs with their audit, saved skills. */
  analytics: Analytics;
  /** Tells owners and callers: the `notification.queued` event to append with its cause. */
  notify: NotifyPort;
  /** This feature's own tables, through the store it declares (built once at composition). */
  store: S;
}

/** What a feature's store is built from: the core's database handle and event store. */
export interface StoreDeps {
  db: Kysely<Database>;
  /** For a command that must check its own tables and append in one transaction. */
  events: Pick<EventStore, 'appendIn'>;
}

export interface ToolCallContext<S = undefined> {
  tenant: Tenant;
  actorMode: ActorMode;
  source: 'voice' | 'portal' | 'schedule';
  callSid?: string;
  callerNumber?: string;
  /** The caller's latest transcribed words before this call (voice), e.g. an owner's question. */
  utterance?: string;
  /** Aborted when the caller hangs up or the tool's `timeoutMs` runs out. */
  signal: AbortSignal;
  ports: FeaturePorts<S>;
  log: Logger;
}

export interface FeatureTool<S = undefined> {
  /** The name the model sees (contract §4). */
  name: string;
  description: string;
  /**
   * JSON Schema of the arguments for this tenant (e.g. an enum of its menu items). It must say
   * what the handler requires (the model follows the schema). Computed once when a call starts,
   * never per audio frame.
   */
  parameters(tenant: Tenant, ports: FeaturePorts<S>): Promise<Record<string, unknown>> | Record<string, unknown>;
  /** Returns a JSON-serialisable result the model can speak from; may throw (the runner captures it). */
  handler(args: unknown, ctx: ToolCallContext<S>): Promise<unknown>;
  /** This tool's budget; the router aborts and fails the run after it (default: the router's). */
  timeoutMs?: number;
}

/** What runs inside the core's append transaction is built with these. */
export interface InlineDeps {
  jobs: Pick<JobQueue, 'enqueue'>;
  clock: Clock;
  reads: CoreReads;
}

export interface FeatureModule<S = undefined> {
  manifest: FeatureManifest;
  migrations?: Record<string, Migration>;
  /** Read models kept by the core inside each append (deterministic: no clock, no randomness). */
  projections?(deps: Pick<InlineDeps, 'reads'>): readonly Projection[];
  /** Follow-ups inside the append transaction (enqueue jobs only). */
  reactors?(deps: InlineDeps): readonly Reactor[];
  /** Typed access to this feature's own tables; handed to tools, routes and jobs as `ports.store`. */
  store?(deps: StoreDeps): S;
  tools?: readonly FeatureTool<S>[];
  /** Job handlers by queue name (queue names are prefixed with the feature name by convention). */
  jobs?(ports: FeaturePorts<S>): Record<string, JobHandler>;
  /**
   * The feature's part of the tenant API: registered in the `/api/tenants/:tenant_id` scope
   * behind the tenant gate, paths relative to it; the tenant is `req.params.tenant_id`.
   * Owner-only routes say `config: { roles: OWNER_ONLY }`.
   */
  routes?: FastifyPluginAsync<{ ports: FeaturePorts<S> }>;
}

/**
 * Any loaded feature, whatever its store: what the registry and the core hold. Each feature's
 * store type is its own, so the collection erases it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an existential: one store type per feature
export type AnyFeature = FeatureModule<any>;
