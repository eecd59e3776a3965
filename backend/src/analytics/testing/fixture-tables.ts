import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Test only: the agreed projection tables (client-features issue), created when no feature
 * migration made them first. Named to sort after every 1xx feature migration and just before the
 * analytics views, so a real table always wins.
 */
export const FIXTURE_TABLES_MIGRATION = '2026_11_25_899_analytics_fixture_tables';

const fixtureTables: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table if not exists orders (
      id text primary key, tenant_id text not null, call_sid text, customer_name text, customer_phone text,
      fulfillment text not null, requested_for timestamptz, status text not null, item_count integer not null,
      subtotal_cents integer not null, tax_cents integer not null, total_cents integer not null, notes text,
      source text not null, created_at timestamptz not null, updated_at timestamptz not null)`.execute(db);
    await sql`create table if not exists order_items (
      order_id text not null, tenant_id text not null, line_no integer not null, item_name text not null,
      category text not null, quantity integer not null, unit_price_cents integer not null, options text,
      line_total_cents integer not null, created_at timestamptz not null, primary key (order_id, line_no))`.execute(db);
    await sql`create table if not exists appointments (
      id text primary key, tenant_id text not null, call_sid text, customer_name text not null, customer_phone text,
      service text not null, staff text, starts_at timestamptz not null, ends_at timestamptz not null,
      duration_minutes integer not null, price_cents integer not null, status text not null,
      created_at timestamptz not null, updated_at timestamptz not null)`.execute(db);
    await sql`create table if not exists notifications (
      id text primary key, tenant_id text not null, kind text not null, channel text not null, status text not null,
      subject text not null, created_at timestamptz not null, sent_at timestamptz)`.execute(db);
    await sql`create table if not exists contacts (
      tenant_id text not null, phone text not null, name text, first_seen_at timestamptz not null,
      last_seen_at timestamptz not null, calls_count integer not null default 0, orders_count integer not null default 0,
      appointments_count integer not null default 0, primary key (tenant_id, phone))`.execute(db);
  },
};

export const fixtureTableMigrations: Record<string, Migration> = { [FIXTURE_TABLES_MIGRATION]: fixtureTables };
