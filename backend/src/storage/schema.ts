import type { ColumnType, Generated, Selectable } from 'kysely';

/** jsonb read as a value, written as its JSON text or value. */
export type Json<T = unknown> = ColumnType<T, T | string, T | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface EventsTable {
  position: Generated<number>;
  id: Generated<string>;
  tenant_id: string;
  stream_type: string;
  stream_id: string;
  version: number;
  type: string;
  payload: Json<Record<string, unknown>>;
  metadata: Json<Record<string, unknown>>;
  idempotency_key: string | null;
  occurred_at: Timestamp;
  recorded_at: Generated<Date>;
}

export interface TenantsTable {
  id: string;
  display_name: string;
  vertical: string;
  time_zone: string;
  phone_numbers: string[];
  settings: Json<Record<string, unknown>>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TenantPhoneNumbersTable {
  phone_number: string;
  tenant_id: string;
}

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
}

export interface JobsTable {
  id: Generated<number>;
  queue: string;
  payload: Json<Record<string, unknown>>;
  status: Generated<'queued' | 'running' | 'done' | 'dead'>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  run_at: Generated<Date>;
  locked_until: Date | null;
  locked_by: string | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: Generated<Date>;
  finished_at: Date | null;
}

export interface ServerSecretsTable {
  name: string;
  value: string;
  created_at: Generated<Date>;
}

/**
 * Core tables. Features and other modules extend this interface by declaration merging
 * (`declare module '../../storage/schema.js' { interface Database { orders: OrdersTable } }`)
 * beside the migration that creates their tables.
 */
export interface Database {
  events: EventsTable;
  tenants: TenantsTable;
  tenant_phone_numbers: TenantPhoneNumbersTable;
  calls: CallsTable;
  jobs: JobsTable;
  server_secrets: ServerSecretsTable;
}

export type EventRow = Selectable<EventsTable>;
export type TenantRow = Selectable<TenantsTable>;
export type CallRow = Selectable<CallsTable>;
export type JobRow = Selectable<JobsTable>;
