import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app types here. Runs after the analytics views (…_900_…).

const ROLE = 'voz_analytics';

/**
 * The `notifications` analytic subject becomes one row per message (with its real status),
 * read from `messages` instead of the older notices table. The columns the subject had keep
 * their names and order (id, kind, channel, status, subject, created_at, sent_at); the rest
 * follow. The recipient's address is left out: it is personal data.
 */
const COLUMNS = [
  'tenant_id', 'id', 'kind', 'channel', 'status', 'subject', 'created_at', 'sent_at',
  'recipient', 'urgent', 'attempts', 'segments', 'error_code', 'next_attempt_at', 'delivered_at', 'failed_at',
  'order_id', 'appointment_id', 'call_sid',
];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create schema if not exists analytics`.execute(db);
  await sql`drop view if exists analytics.notifications`.execute(db);
  await sql`create view analytics.notifications with (security_barrier = true) as
    select ${sql.join(COLUMNS.map((c) => sql.id(c)))}
    from messages
    where tenant_id = nullif(current_setting('voz.tenant_id', true), '')`.execute(db);
  // The role exists wherever the analytics views were made; a database without them has no reader.
  await sql.raw(`do $$ begin
      if exists (select 1 from pg_roles where rolname = '${ROLE}') then
        grant select on analytics.notifications to ${ROLE};
      end if;
    end $$`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop view if exists analytics.notifications`.execute(db);
}
