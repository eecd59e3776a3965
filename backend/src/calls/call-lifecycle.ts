import type { EventStore } from '../storage/event-store.js';
import { ConcurrencyError, type EventInput } from '../storage/events.js';
import {
  CALL_BLOCKED,
  CALL_BUSY,
  CALL_CONNECTED,
  CALL_ENDED,
  CALL_GATE_FAILED,
  CALL_GATE_PASSED,
  CALL_LIMIT_REACHED,
  CALL_LOCKED_OUT,
  CALL_MISSED,
  CALL_RECEIVED,
  CALL_RECORDED,
  HANG_UP_CANCELLED,
  MESSAGE_RECORDED,
  TRANSFER_CANCELLED,
  TRANSFER_COMPLETED,
  TRANSFER_REQUESTED,
  TRANSFER_UNANSWERED,
  callStream,
  type CallActionCancelled,
  type CallBlocked,
  type CallBusy,
  type CallConnected,
  type CallEnded,
  type CallGateFailed,
  type CallGatePassed,
  type CallLockedOut,
  type CallMissed,
  type CallReceived,
  type CallLimitReached,
  type CallRecorded,
  type MessageRecorded,
  type TransferCompleted,
  type TransferRequested,
  type TransferUnanswered,
} from './call-events.js';
import { callTenant, decideMissed } from './missed-call.js';

const MAX_RACE_RETRIES = 5;
/** Twilio's final call statuses; other status callbacks are progress and ignored. */
export const FINAL_CALL_STATUSES: ReadonlySet<string> = new Set(['completed', 'busy', 'no-answer', 'failed', 'canceled']);

/**
 * Writes the call lifecycle as events on the `call:<CallSid>` stream. Each append reads the
 * stream, decides, and appends with the expected version (retried on a race), so a status
 * callback and the call record arriving together still give exactly one `call.missed`.
 */
export class CallLifecycle {
  readonly #events: EventStore;
  constructor(events: EventStore) {
    this.#events = events;
  }

  received(p: CallReceived): Promise<void> {
    return this.#append(p.callSid, CALL_RECEIVED, p, `call.received:${p.callSid}`);
  }

  gateFailed(p: CallGateFailed): Promise<void> {
    return this.#append(p.callSid, CALL_GATE_FAILED, p);
  }

  lockedOut(p: CallLockedOut): Promise<void> {
    return this.#append(p.callSid, CALL_LOCKED_OUT, p);
  }

  gatePassed(p: CallGatePassed): Promise<void> {
    return this.#append(p.callSid, CALL_GATE_PASSED, p);
  }

  connected(p: CallConnected): Promise<void> {
    return this.#append(p.callSid, CALL_CONNECTED, p, `call.connected:${p.callSid}`);
  }

  ended(p: CallEnded): Promise<void> {
    return this.#append(p.callSid, CALL_ENDED, p, `call.ended:${p.callSid}`);
  }

  /** The voice layer's record (transcript, tools, barge-ins, counters), in one append; a limit ending adds `call.limit_reached`. */
  recorded(record: CallRecorded): Promise<void> {
    const limit = record.endReason === 'max_duration' || record.endReason === 'silence' ? record.endReason : null;
    const extra = limit ? [{ type: CALL_LIMIT_REACHED, payload: { callSid: record.callSid, tenantId: record.tenantId, limit } satisfies CallLimitReached }] : [];
    return this.#append(record.callSid, CALL_RECORDED, record, `call.recorded:${record.callSid}`, extra);
  }

  blocked(p: CallBlocked): Promise<void> {
    return this.#append(p.callSid, CALL_BLOCKED, p, `call.blocked:${p.callSid}`);
  }

  busy(p: CallBusy): Promise<void> {
    return this.#append(p.callSid, CALL_BUSY, p, `call.busy:${p.callSid}`);
  }

  transferRequested(p: TransferRequested): Promise<void> {
    return this.#append(p.callSid, TRANSFER_REQUESTED, p);
  }

  /** Keyed by the dial attempt: Twilio retries the Dial action webhook. */
  transferCompleted(p: TransferCompleted): Promise<void> {
    return this.#append(p.callSid, TRANSFER_COMPLETED, p, `transfer.completed:${p.callSid}`);
  }

  transferUnanswered(p: TransferUnanswered): Promise<void> {
    return this.#append(p.callSid, TRANSFER_UNANSWERED, p, `transfer.unanswered:${p.callSid}`);
  }

  /** A barge-in called the transfer (or the hang-up) off; the caller may ask again, so no key. */
  actionCancelled(action: 'transfer' | 'hang_up', p: CallActionCancelled): Promise<void> {
    return this.#append(p.callSid, action === 'transfer' ? TRANSFER_CANCELLED : HANG_UP_CANCELLED, p);
  }

  messageRecorded(p: MessageRecorded): Promise<void> {
    return this.#append(p.callSid, MESSAGE_RECORDED, p, `message.recorded:${p.callSid}`);
  }

  async #append(callSid: string, type: string, payload: object, key?: string, extra: { type: string; payload: object }[] = []): Promise<void> {
    const stream = callStream(callSid);
    for (let attempt = 0; ; attempt++) {
      const history = await this.#events.readStream(stream);
      // Keyed events are written once per call (Twilio retries webhooks).
      if (key && history.some((e) => e.idempotencyKey === key)) return;
      const version = history.length ? history[history.length - 1]!.version : 0;
      const next = [...history, { type, payload }];
      const tenantId = callTenant(next);
      const events: EventInput<object>[] = [
        { type, payload, ...(key ? { idempotencyKey: key } : {}), metadata: { call_sid: callSid, source: 'telephony' } },
        ...extra.map((e) => ({ ...e, metadata: { call_sid: callSid, source: 'telephony' } })),
      ];
      const missed = decideMissed(next);
      if (missed) {
        const m: CallMissed = { callSid, reason: missed };
        events.push({ type: CALL_MISSED, payload: m, idempotencyKey: `call.missed:${callSid}`, metadata: { call_sid: callSid, source: 'telephony' } });
      }
      try {
        await this.#events.append({ tenantId, stream, expectedVersion: version === 0 ? 'no_stream' : version, events });
        return;
      } catch (err) {
        if (!(err instanceof ConcurrencyError) || attempt >= MAX_RACE_RETRIES) throw err;
      }
    }
  }
}
