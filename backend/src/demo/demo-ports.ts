import type { Kysely } from 'kysely';
import type { EventStore } from '../storage/event-store.js';
import type { Database } from '../storage/schema.js';
import type { Tenant } from '../tenancy/tenant.js';

/** What seeding needs; the composed core provides all of it. */
export interface DemoPorts {
  /** Only for writing generated history in one transaction (append-once.ts). */
  db: Kysely<Database>;
  events: EventStore;
  tenants: { get(id: string): Promise<Tenant | undefined> };
  clock: () => Date;
}

/** Metadata of every seeded event: tells reactors and readers it is demo history. */
export const SEED_META = Object.freeze({ source: 'seed', actor_mode: 'system' } as const);
