/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and never see app types */
import type { Kysely, Migration } from 'kysely';

// Frozen in time: never import app types here; later changes get a new migration.
const appointments: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('appointment_catalogs')
      .addColumn('tenant_id', 'text', (c) => c.primaryKey())
      .addColumn('catalog', 'jsonb', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('appointment_services')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('service_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('duration_minutes', 'integer', (c) => c.notNull())
      .addColumn('price_cents', 'integer', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('appointment_services_pk', ['tenant_id', 'service_id'])
      .execute();
    await db.schema
      .createTable('appointments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('call_sid', 'text')
      .addColumn('customer_name', 'text', (c) => c.notNull())
      .addColumn('customer_phone', 'text')
      .addColumn('service', 'text', (c) => c.notNull())
      .addColumn('service_id', 'text', (c) => c.notNull())
      .addColumn('staff', 'text')
      .addColumn('staff_id', 'text')
      .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
      .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
      .addColumn('duration_minutes', 'integer', (c) => c.notNull())
      .addColumn('price_cents', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('notes', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('appointments_tenant_starts_idx').on('appointments').columns(['tenant_id', 'starts_at']).execute();
  },
  async down(db: Kysely<any>) {
    for (const t of ['appointments', 'appointment_services', 'appointment_catalogs']) await db.schema.dropTable(t).ifExists().execute();
  },
};

export const migrations: Record<string, Migration> = { '2026_11_25_110_appointments': appointments };
