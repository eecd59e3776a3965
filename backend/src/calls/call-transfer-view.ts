import type { CallTransfer, RecordedMessage, TransferOutcome } from '@vozlia/contract';
import type { StoredEvent } from '../storage/events.js';
import {
  MESSAGE_RECORDED,
  TRANSFER_CANCELLED,
  TRANSFER_COMPLETED,
  TRANSFER_REQUESTED,
  TRANSFER_UNANSWERED,
  type CallActionCancelled,
  type MessageRecorded,
  type TransferRequested,
  type TransferUnanswered,
} from './call-events.js';

const TRANSFER_STEPS: ReadonlySet<string> = new Set([TRANSFER_REQUESTED, TRANSFER_COMPLETED, TRANSFER_UNANSWERED, TRANSFER_CANCELLED]);

/** Twilio's DialCallStatus in the contract's words. */
const DIAL_OUTCOME: Readonly<Record<string, TransferOutcome>> = { 'no-answer': 'no_answer', busy: 'busy', failed: 'failed', canceled: 'canceled' };

const count = (n: unknown): number | null => (typeof n === 'number' && Number.isFinite(n) ? Math.max(0, Math.round(n)) : null);

/**
 * A call's last transfer from its stream (pure): the request gives the reason and the time, the
 * step after it the outcome. A barge-in that called it off is `canceled`; outside opening hours
 * (straight to the recorder, nobody dialled) `closed`. Null when the call had no transfer.
 */
export function transferOf(events: readonly StoredEvent[]): CallTransfer | null {
  const steps = events.filter((e) => TRANSFER_STEPS.has(e.type));
  const last = steps.at(-1);
  if (!last) return null;
  const requested = steps.findLast((e) => e.type === TRANSFER_REQUESTED);
  const request = requested?.payload as Partial<TransferRequested> | undefined;
  const at = (requested ?? last).occurredAt.toISOString();
  switch (last.type) {
    case TRANSFER_CANCELLED: {
      const reason = (last.payload as Partial<CallActionCancelled>).reason;
      return { reason: reason || null, to_number: null, outcome: 'canceled', at: last.occurredAt.toISOString() };
    }
    case TRANSFER_COMPLETED:
      return { reason: request?.reason || null, to_number: null, outcome: 'answered', at };
    case TRANSFER_UNANSWERED: {
      const status = String((last.payload as Partial<TransferUnanswered>).status ?? '');
      return { reason: request?.reason || null, to_number: null, outcome: DIAL_OUTCOME[status] ?? 'failed', at };
    }
    default:
      return { reason: request?.reason || null, to_number: null, outcome: request?.route === 'message' ? 'closed' : 'pending', at };
  }
}

/** The message the caller left (pure), or null. */
export function messageOf(events: readonly StoredEvent[]): RecordedMessage | null {
  const recorded = events.findLast((e) => e.type === MESSAGE_RECORDED);
  const m = recorded?.payload as Partial<MessageRecorded> | undefined;
  if (!recorded || typeof m?.recordingUrl !== 'string') return null;
  return { recording_url: m.recordingUrl, duration_seconds: count(m.durationSeconds), at: recorded.occurredAt.toISOString() };
}
