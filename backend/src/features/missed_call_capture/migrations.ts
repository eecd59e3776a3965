/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and never see app types */
import type { Kysely, Migration } from 'kysely';

// Frozen in time: never import app types here; later changes get a new migration.
const notifications: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('notifications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('sent_at', 'timestamptz')
      .execute();
    await db.schema.createIndex('notifications_tenant_created_idx').on('notifications').columns(['tenant_id', 'created_at']).execute();
    await db.schema
      .createTable('missed_calls')
      .addColumn('call_sid', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('from_number', 'text')
      .addColumn('reason', 'text')
      .addColumn('missed_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('missed_calls_tenant_idx').on('missed_calls').columns(['tenant_id', 'missed_at']).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('missed_calls').ifExists().execute();
    await db.schema.dropTable('notifications').ifExists().execute();
  },
};

export const migrations: Record<string, Migration> = { '2026_11_25_140_notifications': notifications };
