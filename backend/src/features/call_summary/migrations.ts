/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and never see app types */
import type { Kysely, Migration } from 'kysely';

// Frozen in time: never import app types here; later changes get a new migration.
const callSummaries: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('call_summaries')
      .addColumn('call_sid', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('call_summaries').ifExists().execute();
  },
};

export const migrations: Record<string, Migration> = { '2026_11_25_150_call_summaries': callSummaries };
