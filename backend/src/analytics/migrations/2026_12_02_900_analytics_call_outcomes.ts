import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app types here. Later subjects or columns get a new migration.
// Named after the call-control migration (2026_12_02_001), which adds these columns to `calls`.

/** Appended to `analytics.calls` (a view takes new columns at its end only): transfers and reply latency. */
const NEW_CALL_COLUMNS = ['transfer_status', 'reply_p50_ms', 'reply_p90_ms'];
const OLD_CALL_COLUMNS = ['call_sid', 'tenant_mode', 'actor_mode', 'status', 'started_at', 'connected_at', 'ended_at', 'duration_seconds', 'gate_failures', 'served', 'missed', 'missed_reason', 'end_reason', 'tool_calls', 'barge_ins', 'first_audio_ms'];

async function columnsOf(db: Kysely<unknown>, schema: string | null, table: string): Promise<string[]> {
  const where = schema === null ? sql`table_schema = current_schema()` : sql`table_schema = ${schema}`;
  const { rows } = await sql<{ column_name: string }>`
    select column_name from information_schema.columns where ${where} and table_name = ${table} order by ordinal_position`.execute(db);
  return rows.map((r) => r.column_name);
}

/**
 * Owners can ask how many calls were transferred, went unanswered or ended in a message, and how
 * quickly the assistant answered. The transfer's reason and the recording link are free text and
 * a URL: left out, like every other personal field.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const table = new Set(await columnsOf(db, null, 'calls'));
  const view = await columnsOf(db, 'analytics', 'calls');
  if (!table.has('tenant_id') || view.length === 0) return;
  const cols = [...view, ...NEW_CALL_COLUMNS.filter((c) => table.has(c) && !view.includes(c))];
  await sql`create or replace view analytics.calls with (security_barrier = true) as
    select ${sql.join(cols.map((c) => sql.id(c)))}
    from calls
    where tenant_id = nullif(current_setting('voz.tenant_id', true), '')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const table = new Set(await columnsOf(db, null, 'calls'));
  const cols = ['tenant_id', ...OLD_CALL_COLUMNS.filter((c) => table.has(c))];
  await sql`drop view if exists analytics.calls`.execute(db);
  await sql`create view analytics.calls with (security_barrier = true) as
    select ${sql.join(cols.map((c) => sql.id(c)))}
    from calls
    where tenant_id = nullif(current_setting('voz.tenant_id', true), '')`.execute(db);
  await sql`grant select on analytics.calls to voz_analytics`.execute(db);
}
