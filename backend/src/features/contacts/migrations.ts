/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and never see app types */
import type { Kysely, Migration } from 'kysely';

// Frozen in time: never import app types here; later changes get a new migration.
const contacts: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('contacts')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('first_seen_at', 'timestamptz', (c) => c.notNull())
      .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
      .addColumn('calls_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('orders_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('appointments_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('contacts_pk', ['tenant_id', 'phone'])
      .execute();
    await db.schema
      .createTable('owner_contacts')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('contact_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addColumn('email', 'text')
      .addColumn('notify', 'jsonb', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('owner_contacts_pk', ['tenant_id', 'contact_id'])
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('owner_contacts').ifExists().execute();
    await db.schema.dropTable('contacts').ifExists().execute();
  },
};

export const migrations: Record<string, Migration> = { '2026_11_25_130_contacts': contacts };
