import type { EventStore } from '../../storage/event-store.js';
import { ConcurrencyError, type EventMetadata, type StoredEvent, type StreamRef } from '../../storage/events.js';

export interface DomainEvent {
  type: string;
  data: object;
}

/** A feature's pure decision functions over one stream (house convention 8). */
export interface Decider<C, E extends DomainEvent, S> {
  /** The event types it folds: other owners write on the same stream too (an order's `notification.queued`). */
  readonly eventTypes: ReadonlySet<E['type']>;
  initial(): S;
  evolve(state: S, event: E): S;
  decide(command: C, state: S): E[];
}

const MAX_CONFLICT_RETRIES = 3;

export interface CommandOptions {
  metadata?: EventMetadata;
  occurredAt?: Date;
  /** Prefix for idempotency keys of the produced events (`<prefix>:<n>`). */
  idempotencyKey?: string;
}

/**
 * The five-step command pipeline (house convention 8): read the stream, fold, decide, append
 * with the expected version; a version race re-runs the (pure) decision.
 */
export async function handleCommand<C, E extends DomainEvent, S>(
  store: Pick<EventStore, 'readStream' | 'append'>,
  tenantId: string,
  stream: StreamRef,
  decider: Decider<C, E, S>,
  command: C,
  opts: CommandOptions = {},
): Promise<{ events: E[]; stored: StoredEvent[] }> {
  for (let attempt = 0; ; attempt++) {
    const history = await store.readStream(stream);
    const own = decider.eventTypes as ReadonlySet<string>;
    // The stored payload of an own type is the event's data: it was appended from an `E`.
    const state = history.flatMap((e) => (own.has(e.type) ? [{ type: e.type, data: e.payload } as unknown as E] : [])).reduce(decider.evolve, decider.initial());
    const events = decider.decide(command, state);
    if (events.length === 0) return { events, stored: [] };
    try {
      const result = await store.append({
        tenantId,
        stream,
        expectedVersion: history.length === 0 ? 'no_stream' : history[history.length - 1]!.version,
        events: events.map((e, i) => ({
          type: e.type,
          payload: e.data,
          ...(opts.metadata ? { metadata: opts.metadata } : {}),
          ...(opts.occurredAt ? { occurredAt: opts.occurredAt } : {}),
          ...(opts.idempotencyKey ? { idempotencyKey: `${opts.idempotencyKey}:${i}` } : {}),
        })),
      });
      return { events, stored: result.events };
    } catch (err) {
      if (err instanceof ConcurrencyError && attempt < MAX_CONFLICT_RETRIES) continue;
      throw err;
    }
  }
}
