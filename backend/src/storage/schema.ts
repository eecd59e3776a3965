import type { ColumnType, Generated, Selectable } from 'kysely';

/** jsonb read as a value, written as its JSON text or value. */
export type Json<T = unknown> = ColumnType<T, T | string, T | string>;
/** timestamptz: read as a Date, written as a Date or an ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;

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
 * Storage's own tables. Every other module declares its tables in its own `tables.ts` and
 * merges them in (`declare module '../storage/schema.js' { interface Database { … } }`), so a
 * table is found beside the code that owns it. (The first two migrations, frozen in
 * `storage/migrations/`, created some of those tables before modules had their own.)
 */
export interface Database {
  events: EventsTable;
  jobs: JobsTable;
  server_secrets: ServerSecretsTable;
}

export type EventRow = Selectable<EventsTable>;
export type JobRow = Selectable<JobsTable>;
