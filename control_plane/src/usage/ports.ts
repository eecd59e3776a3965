/**
 * What metering needs from the rest of the system, as ports: the backend's composition root
 * hands adapters in (see backend-adapter.ts for the events-table one). control_plane never
 * imports the backend.
 */

/** One recorded fact, as metering sees it. */
export interface UsageEvent {
  type: string;
  tenantId: string;
  /** When it happened in the world: decides the period. */
  occurredAt: Date;
  /** When the system learned it: decides which statement bills it (see statement.ts). */
  recordedAt: Date;
  payload: Record<string, unknown>;
}

export interface UsageEventQuery {
  tenantId: string;
  types: readonly string[];
  /** occurredAt ≥ this. */
  occurredFrom?: Date;
  /** occurredAt < this. */
  occurredTo?: Date;
  /** recordedAt > this. */
  recordedAfter?: Date;
}

/** Events of a tenant with the given types, in the order they were recorded. */
export interface UsageEventSource {
  read(q: UsageEventQuery): Promise<UsageEvent[]>;
}

export interface TenantDirectory {
  /** The tenant's IANA zone, or null when there is no such tenant. */
  tenantZone(tenantId: string): Promise<string | null>;
  /** Every tenant that can be billed (a close without `tenant_id` closes them all). */
  listTenants(): Promise<string[]>;
}

/** Appends plan and invoice events to the event store, idempotently by key. */
export interface BillingEventAppender {
  append(e: { tenantId: string; type: string; payload: Record<string, unknown>; idempotencyKey: string; occurredAt?: Date }): Promise<void>;
}

/** The job mechanism: at most one job per dedupe key, run at or after `runAt`. */
export interface JobScheduler {
  enqueue(queue: string, payload: Record<string, unknown>, opts: { runAt: Date; dedupeKey: string }): Promise<void>;
}

export type Clock = () => Date;

/** The slice of a pino logger we use; logs never hold phone numbers or secrets. */
export interface Log {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
