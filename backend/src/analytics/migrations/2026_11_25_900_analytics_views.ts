import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app types here. Later subjects or columns get a new migration.
// Runs after the features' 1xx table migrations (name order), so the projections exist.

const ROLE = 'voz_analytics';

/**
 * Per subject: the projection table and the columns a tenant owner may see. Phone numbers,
 * notes, summaries and other free text that may hold personal data are left out. A column the
 * table does not have (yet) is skipped, so the view matches the table it finds.
 */
const SUBJECTS: Record<string, { table: string; columns: string[] }> = {
  orders: {
    table: 'orders',
    columns: ['id', 'call_sid', 'customer_name', 'fulfillment', 'requested_for', 'status', 'item_count', 'subtotal_cents', 'tax_cents', 'total_cents', 'source', 'created_at', 'updated_at'],
  },
  order_items: {
    table: 'order_items',
    columns: ['order_id', 'line_no', 'item_name', 'category', 'quantity', 'unit_price_cents', 'options', 'line_total_cents', 'created_at'],
  },
  appointments: {
    table: 'appointments',
    columns: ['id', 'call_sid', 'customer_name', 'service', 'staff', 'starts_at', 'ends_at', 'duration_minutes', 'price_cents', 'status', 'created_at', 'updated_at'],
  },
  calls: {
    table: 'calls',
    columns: ['call_sid', 'tenant_mode', 'actor_mode', 'status', 'started_at', 'connected_at', 'ended_at', 'duration_seconds', 'gate_failures', 'served', 'missed', 'missed_reason', 'end_reason', 'tool_calls', 'barge_ins', 'first_audio_ms'],
  },
  notifications: {
    table: 'notifications',
    columns: ['id', 'kind', 'channel', 'status', 'subject', 'created_at', 'sent_at'],
  },
  contacts: {
    table: 'contacts',
    columns: ['name', 'first_seen_at', 'last_seen_at', 'calls_count', 'orders_count', 'appointments_count'],
  },
};

/** Indexes the common questions need: the tenant first, then the time column they range over. */
const INDEXES: Array<{ table: string; columns: string[] }> = [
  { table: 'orders', columns: ['tenant_id', 'created_at'] },
  { table: 'order_items', columns: ['tenant_id', 'created_at'] },
  { table: 'appointments', columns: ['tenant_id', 'starts_at'] },
  { table: 'appointments', columns: ['tenant_id', 'created_at'] },
  { table: 'notifications', columns: ['tenant_id', 'created_at'] },
];

async function columnsOf(db: Kysely<unknown>, table: string): Promise<Set<string>> {
  const { rows } = await sql<{ column_name: string }>`
    select column_name from information_schema.columns
    where table_schema = current_schema() and table_name = ${table}`.execute(db);
  return new Set(rows.map((r) => r.column_name));
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create schema if not exists analytics`.execute(db);

  // Roles are cluster-wide: another database (or instance) may create it at the same moment,
  // which surfaces as duplicate_object or as a unique violation on pg_authid.
  await sql.raw(`do $$ begin
      create role ${ROLE} nologin noinherit;
    exception when duplicate_object or unique_violation then null;
    end $$`).execute(db);
  // A non-superuser owner of the pool must be a member to `set role`; a superuser needs nothing.
  await sql.raw(`do $$ begin
      if not (select rolsuper from pg_roles where rolname = current_user) then
        execute format('grant ${ROLE} to %I', current_user);
      end if;
    exception when duplicate_object or unique_violation then null;
    end $$`).execute(db);

  for (const [subject, def] of Object.entries(SUBJECTS)) {
    const present = await columnsOf(db, def.table);
    if (!present.has('tenant_id')) continue;
    const cols = ['tenant_id', ...def.columns.filter((c) => present.has(c))];
    // The view owner reads the table, so the view itself enforces the tenant: no setting, no rows.
    // security_barrier keeps caller predicates from running before that filter.
    await sql`create or replace view ${sql.id('analytics', subject)} with (security_barrier = true) as
      select ${sql.join(cols.map((c) => sql.id(c)))}
      from ${sql.id(def.table)}
      where tenant_id = nullif(current_setting('voz.tenant_id', true), '')`.execute(db);
    await sql`grant select on ${sql.id('analytics', subject)} to ${sql.id(ROLE)}`.execute(db);
  }
  await sql`grant usage on schema analytics to ${sql.id(ROLE)}`.execute(db);

  for (const idx of INDEXES) {
    const present = await columnsOf(db, idx.table);
    if (!idx.columns.every((c) => present.has(c))) continue;
    const name = `analytics_${idx.table}_${idx.columns.join('_')}_idx`;
    await sql`create index if not exists ${sql.id(name)} on ${sql.id(idx.table)} (${sql.join(idx.columns.map((c) => sql.id(c)))})`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The role is shared by every database of the cluster: it stays.
  await sql`drop schema if exists analytics cascade`.execute(db);
}
