import type { ActorMode, TenantMode } from '../policy/modes.js';
import type { CallRecord } from '../voice/call-context.js';

/** Events of the `call` stream (stream id = CallSid). Codes appear only as short keyed hashes. */
export const CALL_RECEIVED = 'call.received';
export const CALL_GATE_FAILED = 'call.gate_failed';
export const CALL_LOCKED_OUT = 'call.locked_out';
export const CALL_GATE_PASSED = 'call.gate_passed';
export const CALL_CONNECTED = 'call.connected';
export const CALL_ENDED = 'call.ended';
export const CALL_MISSED = 'call.missed';
export const CALL_RECORDED = 'call.recorded';
export const TOOL_REFUSED = 'tool.refused';
/** Call control (issue 13). */
export const CALL_BLOCKED = 'call.blocked';
export const CALL_BUSY = 'call.busy';
export const CALL_LIMIT_REACHED = 'call.limit_reached';
export const TRANSFER_REQUESTED = 'transfer.requested';
export const TRANSFER_COMPLETED = 'transfer.completed';
export const TRANSFER_UNANSWERED = 'transfer.unanswered';
export const MESSAGE_RECORDED = 'message.recorded';
/** The caller spoke over the handoff (or goodbye) line: the action was called off, the call goes on. */
export const TRANSFER_CANCELLED = 'transfer.cancelled';
export const HANG_UP_CANCELLED = 'hang_up.cancelled';

/** Appended by the call_summary feature after the call; the calls projection copies the text. */
export const CALL_SUMMARIZED = 'call.summarized';

/**
 * This file is the call stream's contract: other modules (features, demo) import these names
 * and payload types from here, never from calls/ internals.
 */

export const CALL_EVENT_TYPES = [
  CALL_RECEIVED,
  CALL_GATE_FAILED,
  CALL_LOCKED_OUT,
  CALL_GATE_PASSED,
  CALL_CONNECTED,
  CALL_ENDED,
  CALL_MISSED,
  CALL_RECORDED,
  CALL_BLOCKED,
  CALL_BUSY,
  CALL_LIMIT_REACHED,
  TRANSFER_REQUESTED,
  TRANSFER_COMPLETED,
  TRANSFER_UNANSWERED,
  MESSAGE_RECORDED,
  TRANSFER_CANCELLED,
  HANG_UP_CANCELLED,
] as const;

/** tenant_id of call events before a tenant is known (shared line, before the gate). */
export const SHARED_TENANT = '_shared';

export const callStream = (callSid: string) => ({ type: 'call', id: callSid });

export interface CallReceived {
  callSid: string;
  /** E.164 when Twilio gave one, else the raw value (e.g. `anonymous`). Never logged. */
  from: string | null;
  to: string | null;
  /** Set when `To` is a tenant's dedicated number. */
  tenantId: string | null;
  tenantMode: TenantMode;
}

export interface CallGateFailed {
  callSid: string;
  attempt: number;
  reason: 'no_input' | 'malformed' | 'unknown' | 'conflict' | 'unknown_tenant';
  /** Short keyed hash of what was entered, or null. */
  code: string | null;
}

export interface CallLockedOut {
  callSid: string;
  lockedUntil: string | null;
}

export interface CallGatePassed {
  callSid: string;
  tenantId: string;
  actorMode: ActorMode;
  code: string;
}

export interface CallConnected {
  callSid: string;
  tenantId: string;
  actorMode: ActorMode;
  tenantMode: TenantMode;
}

export interface CallEnded {
  callSid: string;
  /** Twilio's final CallStatus: completed, busy, no-answer, failed, canceled. */
  status: string;
  durationSeconds: number | null;
}

export type MissedReason = 'locked_out' | 'hung_up_at_gate' | 'stream_never_started' | 'no_exchange' | 'not_answered' | 'over_capacity';

export interface CallMissed {
  callSid: string;
  reason: MissedReason;
}

/** The voice layer's record, as written after the call. */
export type CallRecorded = CallRecord;

export interface CallSummarized {
  callSid: string;
  tenantId: string;
  summary: string;
  method: 'openai' | 'deterministic';
}

/** The caller's number is on the tenant's blocked list: `<Reject>`, no stream, not a missed call. */
export interface CallBlocked {
  callSid: string;
  tenantId: string;
}

/** The tenant's concurrent-call cap was reached: a polite busy message, no stream (a missed call). */
export interface CallBusy {
  callSid: string;
  tenantId: string;
  active: number;
  cap: number;
}

/** The bridge ended the call at a limit (from the call record's end reason). */
export interface CallLimitReached {
  callSid: string;
  tenantId: string;
  limit: 'max_duration' | 'silence';
}

export interface TransferRequested {
  callSid: string;
  tenantId: string;
  actorMode: ActorMode;
  reason: string;
  /** `dial`: ringing the transfer numbers; `message`: closed (or no number), straight to the recorder. */
  route: 'dial' | 'message';
  /** How many transfer numbers are tried, in order (the numbers themselves stay in settings). */
  numbers: number;
}

export interface TransferCompleted {
  callSid: string;
  tenantId: string;
  /** Which transfer number (0-based, in order) answered. */
  index: number;
  durationSeconds: number | null;
}

export interface TransferUnanswered {
  callSid: string;
  tenantId: string;
  /** Twilio's DialCallStatus of the last number tried: no-answer, busy, failed, canceled. */
  status: string;
  tried: number;
}

export interface MessageRecorded {
  callSid: string;
  tenantId: string;
  recordingUrl: string;
  durationSeconds: number | null;
  /** The caller's number when known (E.164 or Twilio's raw value). */
  from: string | null;
  reason: string;
}

/** `transfer.cancelled` / `hang_up.cancelled`: a barge-in over the line that announced the action. */
export interface CallActionCancelled {
  callSid: string;
  tenantId: string;
  actorMode: ActorMode;
  reason: string;
  cause: 'barge_in';
}
