import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app types here; later changes get a new migration.
 
export async function up(db: Kysely<any>): Promise<void> {
  // Keyed hashes only (HMAC-SHA256 with the server secret): a dump never reveals a code.
  await db.schema
    .createTable('access_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('actor_mode', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('issued_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('access_codes_tenant_idx').on('access_codes').column('tenant_id').execute();

  // Gate failures per caller (keyed hash of `From`), for the lockout; shared by every instance.
  await db.schema
    .createTable('gate_failures')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('caller_hash', 'text', (c) => c.notNull())
    .addColumn('failed_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gate_failures_caller_idx').on('gate_failures').columns(['caller_hash', 'failed_at']).execute();
  await db.schema
    .createTable('gate_lockouts')
    .addColumn('caller_hash', 'text', (c) => c.primaryKey())
    .addColumn('locked_at', 'timestamptz', (c) => c.notNull())
    .addColumn('locked_until', 'timestamptz', (c) => c.notNull())
    .execute();

  // A stream token's nonce is inserted once: the unique key makes a replay fail on any instance.
  await db.schema
    .createTable('stream_token_uses')
    .addColumn('nonce', 'text', (c) => c.primaryKey())
    .addColumn('call_sid', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('stream_token_uses_expires_idx').on('stream_token_uses').column('expires_at').execute();
}

 
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['stream_token_uses', 'gate_lockouts', 'gate_failures', 'access_codes']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
