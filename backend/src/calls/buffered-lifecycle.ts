import type { EventStore } from '../storage/event-store.js';
import type { CallEnded, CallRecorded } from './call-events.js';
import type { CallEventBuffer } from './call-event-buffer.js';
import { CallLifecycle } from './call-lifecycle.js';

/**
 * The lifecycle whose end-of-call writes survive a database that is briefly away: the status
 * callback's `call.ended` and the voice layer's `call.recorded` go through the buffer (kept and
 * retried in order per call), so a call in progress never loses its record to an outage.
 * Writes that need the database to decide (arrival, gate, admission) stay direct.
 */
export class BufferedCallLifecycle extends CallLifecycle {
  readonly #buffer: CallEventBuffer;
  constructor(events: EventStore, buffer: CallEventBuffer) {
    super(events);
    this.#buffer = buffer;
  }

  override async ended(p: CallEnded): Promise<void> {
    await this.#buffer.submit(p.callSid, 'call.ended', () => super.ended(p));
  }

  override async recorded(record: CallRecorded): Promise<void> {
    await this.#buffer.submit(record.callSid, 'call.recorded', () => super.recorded(record));
  }
}
