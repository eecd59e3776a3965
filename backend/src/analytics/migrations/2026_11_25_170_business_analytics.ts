import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app types here; later changes get a new migration.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('analytics_audit')
    .ifNotExists()
    .addColumn('audit_id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_mode', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('tool', 'text', (c) => c.notNull())
    .addColumn('call_sid', 'text')
    .addColumn('skill_id', 'text')
    .addColumn('question', 'text')
    .addColumn('spec', 'jsonb')
    .addColumn('sql', 'text')
    .addColumn('params', 'jsonb')
    .addColumn('row_count', 'integer')
    .addColumn('duration_ms', 'integer')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .execute();
  await db.schema
    .createIndex('analytics_audit_tenant_time_idx')
    .ifNotExists()
    .on('analytics_audit')
    .columns(['tenant_id', 'occurred_at'])
    .execute();

  await db.schema
    .createTable('analytics_skills')
    .ifNotExists()
    .addColumn('skill_id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('spec', 'jsonb', (c) => c.notNull())
    .addColumn('schedule', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_run_at', 'timestamptz')
    .addColumn('last_outcome', 'text')
    .addColumn('last_audit_id', 'text')
    .addColumn('runs', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`create unique index if not exists analytics_skills_tenant_name_key on analytics_skills (tenant_id, lower(name))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('analytics_skills').ifExists().execute();
  await db.schema.dropTable('analytics_audit').ifExists().execute();
}
