import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** Tables of migration 2026_11_25_002_phone_entry. */
export interface AccessCodesTable {
  code_hash: string;
  tenant_id: string;
  actor_mode: string;
  source: string;
  /** `active`, `revoked`, or `conflict` (issued twice with different meanings: refused). */
  status: Generated<string>;
  issued_at: Timestamp;
  updated_at: Timestamp;
}

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

export interface StreamTokenUsesTable {
  nonce: string;
  call_sid: string;
  expires_at: Timestamp;
  used_at: Generated<Date>;
}

declare module '../storage/schema.js' {
  interface Database {
    access_codes: AccessCodesTable;
    gate_failures: GateFailuresTable;
    gate_lockouts: GateLockoutsTable;
    stream_token_uses: StreamTokenUsesTable;
  }
}
