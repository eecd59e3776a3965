import type { Kysely } from 'kysely';

// Frozen in time: never import app types here; later changes get a new migration.

/** Call control (issue 13): the transfer's outcome, a recorded message, reply latency per call. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('calls')
    .addColumn('transfer_status', 'text')
    .addColumn('message_url', 'text')
    .addColumn('reply_p50_ms', 'integer')
    .addColumn('reply_p90_ms', 'integer')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('calls').dropColumn('transfer_status').dropColumn('message_url').dropColumn('reply_p50_ms').dropColumn('reply_p90_ms').execute();
}
