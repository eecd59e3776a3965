import {
  CALL_BLOCKED,
  CALL_BUSY,
  CALL_CONNECTED,
  CALL_ENDED,
  CALL_GATE_PASSED,
  CALL_LOCKED_OUT,
  CALL_MISSED,
  CALL_RECEIVED,
  CALL_RECORDED,
  SHARED_TENANT,
  type CallEnded,
  type MissedReason,
} from './call-events.js';

interface HistoryEvent {
  type: string;
  payload: object;
}

/**
 * Pure: whether the call's history now makes it a missed call, and why. A call is missed when
 * it ended before reaching the assistant (gate, lockout, stream never started) or when the
 * stream ran but no exchange happened (`served=false`). A connected call without its record
 * yet is undecided: the record decides when it arrives.
 */
export function decideMissed(history: readonly HistoryEvent[]): MissedReason | null {
  const has = (t: string) => history.some((e) => e.type === t);
  if (has(CALL_MISSED) || has(CALL_BLOCKED)) return null;
  const recorded = history.find((e) => e.type === CALL_RECORDED)?.payload as { served?: unknown } | undefined;
  if (recorded) return recorded.served === true ? null : 'no_exchange';
  const ended = history.find((e) => e.type === CALL_ENDED)?.payload as CallEnded | undefined;
  if (!ended || has(CALL_CONNECTED)) return null;
  if (has(CALL_LOCKED_OUT)) return 'locked_out';
  if (has(CALL_BUSY)) return 'over_capacity';
  const received = history.find((e) => e.type === CALL_RECEIVED)?.payload as { tenantId?: unknown } | undefined;
  if (has(CALL_GATE_PASSED) || typeof received?.tenantId === 'string') {
    return ended.status === 'completed' ? 'stream_never_started' : 'not_answered';
  }
  return 'hung_up_at_gate';
}

/** The tenant a call belongs to so far, or `_shared`. */
export function callTenant(history: readonly HistoryEvent[]): string {
  for (const type of [CALL_CONNECTED, CALL_GATE_PASSED, CALL_RECEIVED]) {
    const p = history.find((e) => e.type === type)?.payload as { tenantId?: unknown } | undefined;
    if (typeof p?.tenantId === 'string') return p.tenantId;
  }
  return SHARED_TENANT;
}
