import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app types here; later changes get a new migration.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('from_address', 'text')
    .addColumn('body', 'jsonb', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('urgent', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(8))
    .addColumn('run_at', 'timestamptz', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_at', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('provider_ref', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz')
    .execute();
  // The claim scans only live rows, oldest due first.
  await sql`create index outbox_due_idx on outbox (run_at, id) where status in ('queued', 'retrying', 'sending')`.execute(db);
  await db.schema.createIndex('outbox_provider_ref_idx').on('outbox').column('provider_ref').execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('notification_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('urgent', 'boolean', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('segments', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error_code', 'text')
    .addColumn('provider_ref', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('next_attempt_at', 'timestamptz')
    .addColumn('sent_at', 'timestamptz')
    .addColumn('delivered_at', 'timestamptz')
    .addColumn('failed_at', 'timestamptz')
    .addColumn('order_id', 'text')
    .addColumn('appointment_id', 'text')
    .addColumn('call_sid', 'text')
    .execute();
  await db.schema.createIndex('messages_tenant_created_idx').on('messages').columns(['tenant_id', 'created_at']).execute();
  await db.schema.createIndex('messages_tenant_order_idx').on('messages').columns(['tenant_id', 'order_id']).execute();
  await db.schema.createIndex('messages_tenant_appointment_idx').on('messages').columns(['tenant_id', 'appointment_id']).execute();
  await db.schema.createIndex('messages_tenant_call_idx').on('messages').columns(['tenant_id', 'call_sid']).execute();

  await db.schema
    .createTable('notification_settings')
    .addColumn('tenant_id', 'text', (c) => c.primaryKey())
    .addColumn('settings', 'jsonb', (c) => c.notNull())
    .addColumn('webhook_secret', 'text')
    .addColumn('previous_webhook_secret', 'text')
    .addColumn('previous_secret_until', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sms_opt_outs')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('opted_out', 'boolean', (c) => c.notNull())
    .addColumn('keyword', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('sms_opt_outs_pkey', ['tenant_id', 'phone'])
    .execute();

  await db.schema
    .createTable('notification_rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'timestamptz', (c) => c.notNull())
    .addColumn('used', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['notification_rate_limits', 'sms_opt_outs', 'notification_settings', 'messages', 'outbox']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
