/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and never see app types */
import { sql, type Kysely, type Migration } from 'kysely';

// Frozen in time: never import app types here; later changes get a new migration.
const knowledgeBase: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('kb_documents')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('document_id', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('passage_count', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('kb_documents_pk', ['tenant_id', 'document_id'])
      .execute();
    await db.schema
      .createTable('kb_passages')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('document_id', 'text', (c) => c.notNull())
      .addColumn('passage_no', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('heading', 'text')
      .addColumn('body', 'text', (c) => c.notNull())
      // Headings weigh more than body text; stored so search never re-parses.
      .addColumn('tsv', sql`tsvector`, (c) =>
        c.generatedAlwaysAs(sql`setweight(to_tsvector('english', coalesce(heading, '') || ' ' || title), 'A') || setweight(to_tsvector('english', body), 'B')`).stored(),
      )
      .addPrimaryKeyConstraint('kb_passages_pk', ['tenant_id', 'document_id', 'passage_no'])
      .execute();
    await sql`create index kb_passages_tsv_idx on kb_passages using gin (tsv)`.execute(db);
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('kb_passages').ifExists().execute();
    await db.schema.dropTable('kb_documents').ifExists().execute();
  },
};

export const migrations: Record<string, Migration> = { '2026_11_25_120_knowledge_base': knowledgeBase };
