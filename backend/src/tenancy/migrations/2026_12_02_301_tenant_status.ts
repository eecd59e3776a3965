import { sql, type Kysely } from 'kysely';

/**
 * Tenants can be suspended; and a tenant can be purged: the events of one tenant may then be
 * deleted inside a transaction that names it (`set_config('vozlia.purge_tenant', id, true)`),
 * every other update or delete of `events` is still refused.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tenants').addColumn('status', 'text', (c) => c.notNull().defaultTo('active')).execute();
  await sql`create or replace function events_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and old.tenant_id = current_setting('vozlia.purge_tenant', true) then return old; end if;
      raise exception 'events are append-only';
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`create or replace function events_append_only() returns trigger language plpgsql as $$
    begin raise exception 'events are append-only'; end $$`.execute(db);
  await db.schema.alterTable('tenants').dropColumn('status').execute();
}
