import type { FastifyPluginAsync } from 'fastify';
import type { Kysely, Migration } from 'kysely';
import type { Logger } from 'pino';
import type { CatalogProvider } from '../analytics/catalog-provider.js';
import type { Config } from '../config/load-config.js';
import type { ActorMode } from '../policy/modes.js';
import type { EventStore } from '../storage/event-store.js';
import type { Projection, Reactor } from '../storage/events.js';
import type { JobHandler, JobQueue } from '../storage/jobs.js';
import type { Database } from '../storage/schema.js';
import type { Tenant } from '../tenancy/tenant.js';

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

/** The ports the core hands a feature. Features never import each other. */
export interface FeaturePorts {
  db: Kysely<Database>;
  events: EventStore;
  jobs: JobQueue;
  clock: Clock;
  config: Config;
  log: Logger;
  /**
   * The analytics catalog of this runtime, loaded by main.ts after migrations and served from
   * memory. Optional: ports composed without it (tests, benchmarks) read it per run.
   */
  catalog?: CatalogProvider;
}

export interface ToolCallContext {
  tenant: Tenant;
  actorMode: ActorMode;
  source: 'voice' | 'portal' | 'schedule';
  callSid?: string;
  callerNumber?: string;
  /** The caller's latest transcribed words before this call (voice), e.g. an owner's question. */
  utterance?: string;
  signal: AbortSignal;
  ports: FeaturePorts;
  log: Logger;
}

export interface FeatureTool {
  /** The name the model sees (contract §4). */
  name: string;
  description: string;
  /**
   * JSON Schema of the arguments for this tenant (e.g. an enum of its menu items).
   * Computed once when a call starts, never per audio frame.
   */
  parameters(tenant: Tenant, ports: FeaturePorts): Promise<Record<string, unknown>> | Record<string, unknown>;
  /** Returns a JSON-serialisable result the model can speak from; may throw (the runner captures it). */
  handler(args: unknown, ctx: ToolCallContext): Promise<unknown>;
  timeoutMs?: number;
}

export interface FeatureModule {
  manifest: FeatureManifest;
  migrations?: Record<string, Migration>;
  projections?: readonly Projection[];
  reactors?: (deps: { jobs: JobQueue; clock: Clock }) => readonly Reactor[];
  tools?: readonly FeatureTool[];
  /** Job handlers by queue name (queue names are prefixed with the feature name by convention). */
  jobs?: (ports: FeaturePorts) => Record<string, JobHandler>;
  /** Registered encapsulated under `/api/features/<name>`. */
  routes?: FastifyPluginAsync<{ ports: FeaturePorts }>;
  /** Demo data for the demo tenants; must be idempotent (idempotency keys). */
  seedDemo?: (ports: FeaturePorts) => Promise<void>;
}

/** Any loaded feature, whatever its store: what the registry and the core hold. */
export type AnyFeature = FeatureModule;
