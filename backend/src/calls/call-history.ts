import type { CallHistoryReads } from '../features/types.js';
import type { EventReader } from '../storage/event-reads.js';
import type { StoredEvent } from '../storage/events.js';
import { CALL_RECEIVED, callStream, type CallReceived } from './call-events.js';

/**
 * The facts of a call as its event stream records them, for features: deterministic on a
 * projection rebuild (it never reads another projection's table).
 */
export class CallHistory implements CallHistoryReads {
  readonly #events: EventReader;
  constructor(events: EventReader) {
    this.#events = events;
  }

  async callerOf(callSid: string): Promise<string | null> {
    const received = await this.#events.first<CallReceived>(callStream(callSid), CALL_RECEIVED);
    const from: unknown = received?.payload.from;
    return typeof from === 'string' ? from : null;
  }

  eventsDuring(callSid: string, types: readonly string[], from: number): Promise<StoredEvent[]> {
    return this.#events.readAll({ callSid, types, after: from - 1, limit: Number.MAX_SAFE_INTEGER });
  }
}
