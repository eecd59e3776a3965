import type { Generated, Selectable } from 'kysely';
import type { Timestamp } from '../storage/schema.js';

// Created by the frozen migrations 2026_11_25_001_foundation (calls) and
// 2026_11_25_002_phone_entry (the rest), in storage/migrations/.

/** The `calls` projection: one row per CallSid. */
export interface CallsTable {
  call_sid: string;
  tenant_id: string | null;
  from_number: string | null;
  to_number: string | null;
  tenant_mode: string | null;
  actor_mode: string | null;
  status: string;
  started_at: Timestamp;
  connected_at: Timestamp | null;
  ended_at: Timestamp | null;
  duration_seconds: number | null;
  gate_failures: Generated<number>;
  served: Generated<boolean>;
  missed: Generated<boolean>;
  missed_reason: string | null;
  end_reason: string | null;
  summary: string | null;
  tool_calls: Generated<number>;
  barge_ins: Generated<number>;
  first_audio_ms: number | null;
  /** `requested`, `completed`, `unanswered` (issue 13). */
  transfer_status: string | null;
  /** Link to the message the caller left after an unanswered transfer. */
  message_url: string | null;
  reply_p50_ms: number | null;
  reply_p90_ms: number | null;
}

/** A stream token's nonce, inserted once: the unique key makes a replay fail on any instance. */
export interface StreamTokenUsesTable {
  nonce: string;
  call_sid: string;
  expires_at: Timestamp;
  used_at: Generated<Date>;
}

/** Gate failures per caller (keyed hash of `From`), for the shared-line lockout. */
export interface GateFailuresTable {
  id: Generated<number>;
  caller_hash: string;
  failed_at: Timestamp;
}

export interface GateLockoutsTable {
  caller_hash: string;
  locked_at: Timestamp;
  locked_until: Timestamp;
}

export type CallRow = Selectable<CallsTable>;

declare module '../storage/schema.js' {
  interface Database {
    calls: CallsTable;
    stream_token_uses: StreamTokenUsesTable;
    gate_failures: GateFailuresTable;
    gate_lockouts: GateLockoutsTable;
  }
}
