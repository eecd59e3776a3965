import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app types here; later changes get a new migration.

/**
 * One media stream per call: a replayed incoming-call webhook mints a fresh token (Twilio signatures
 * carry no timestamp), so the nonce alone let a second stream join a live call. A unique call sid
 * makes the second admission fail on every instance.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Keep the first use of any call that already has two (only a replay could have made them).
  await sql`delete from stream_token_uses a using stream_token_uses b where a.call_sid = b.call_sid and (a.used_at, a.nonce) > (b.used_at, b.nonce)`.execute(db);
  await db.schema.createIndex('stream_token_uses_call_sid_key').on('stream_token_uses').column('call_sid').unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('stream_token_uses_call_sid_key').execute();
}
