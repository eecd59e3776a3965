import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';

const SECRET_NAME = 'server_hmac_v1';
const SECRET_BYTES = 32;

/**
 * The server secret for keyed hashes (access codes, caller numbers) and stream tokens.
 * `VOZ_SECRET` when given; otherwise generated once and kept in `server_secrets`. Insert-on-
 * conflict-do-nothing then read back, so instances starting together all end up with the
 * first one written.
 */
export async function loadServerSecret(db: Kysely<Database>, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await db
    .insertInto('server_secrets')
    .values({ name: SECRET_NAME, value: randomBytes(SECRET_BYTES).toString('base64url') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('server_secrets').select('value').where('name', '=', SECRET_NAME).executeTakeFirstOrThrow();
  return row.value;
}
