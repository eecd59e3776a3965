import type { Transaction } from 'kysely';
import type { Database } from './schema.js';

/** Who/what caused an event. Never holds access codes or transcripts. */
export interface EventMetadata {
  actor_mode?: 'client' | 'owner' | 'system';
  call_sid?: string;
  source?: string;
  [key: string]: unknown;
}

export interface EventInput<P extends object = Record<string, unknown>> {
  type: string;
  payload: P;
  metadata?: EventMetadata;
  /** Same key (per tenant) → same event: a retried append returns the stored one. */
  idempotencyKey?: string;
  /** When it happened in the world; defaults to now. Seeded history uses past times. */
  occurredAt?: Date;
}

export interface StoredEvent<P extends object = Record<string, unknown>> {
  position: number;
  id: string;
  tenantId: string;
  streamType: string;
  streamId: string;
  version: number;
  type: string;
  payload: P;
  metadata: EventMetadata;
  idempotencyKey: string | null;
  occurredAt: Date;
  recordedAt: Date;
}

export interface StreamRef {
  type: string;
  id: string;
}

/**
 * `no_stream`: the stream must not exist yet; a number: its current version, as read from the
 * stream (the store checks it against the stream's unique versions, so a number the stream
 * never reached would leave a gap); `any`: no check.
 */
export type ExpectedVersion = number | 'any' | 'no_stream';

export interface AppendRequest {
  tenantId: string;
  stream: StreamRef;
  /**
   * The version the caller read. A number or `no_stream` appends without looking (a race loses on
   * the unique version key), so it must come from a read: one above the stream's would leave a gap.
   * A version from outside (an `If-Match`) goes through `appendOverClaimedVersion`.
   */
  expectedVersion?: ExpectedVersion;
  events: EventInput<object>[];
}

export interface AppendResult {
  events: StoredEvent[];
  /** The stream's version after the append. */
  version: number;
  /** True when every event was already stored under its idempotency key. */
  duplicate: boolean;
}

export type Trx = Transaction<Database>;

/**
 * A read model updated inside the append transaction, so it always matches the events.
 * `apply` must be deterministic (no clock, no randomness) so a rebuild gives the same rows,
 * and must not throw on a recorded fact: skip or clamp bad data instead.
 */
export interface Projection {
  name: string;
  handles: readonly string[];
  /** Tables this projection owns; a rebuild empties them and replays. */
  tables: readonly string[];
  apply(trx: Trx, event: StoredEvent): Promise<void>;
}

/**
 * Runs in the append transaction after projections; for durable follow-ups such as
 * enqueueing a job (the job exists iff the event does).
 */
export interface Reactor {
  name: string;
  handles: readonly string[];
  react(trx: Trx, event: StoredEvent): Promise<void>;
}

export class ConcurrencyError extends Error {
  override name = 'ConcurrencyError';
  constructor(
    readonly stream: StreamRef,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`stream ${stream.type}:${stream.id} is at version ${actual}, expected ${String(expected)}`);
  }
}
