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

export type MissedReason = 'locked_out' | 'hung_up_at_gate' | 'stream_never_started' | 'no_exchange' | 'not_answered';

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
