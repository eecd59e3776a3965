import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import { DEFAULT_HITS, searchPassages, type SearchHit } from './search.js';
import './tables.js';

/** Reads of this feature's tables (its projection writes them). */
export class KnowledgeBaseStore {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  documents(tenantId: string) {
    return this.#db
      .selectFrom('kb_documents')
      .select(['document_id', 'title', 'format', 'passage_count', 'updated_at'])
      .where('tenant_id', '=', tenantId)
      .orderBy('document_id')
      .execute();
  }

  document(tenantId: string, documentId: string) {
    return this.#db
      .selectFrom('kb_documents')
      .select(['document_id', 'title', 'passage_count'])
      .where('tenant_id', '=', tenantId)
      .where('document_id', '=', documentId)
      .executeTakeFirst();
  }

  /** One document with its body and passages, for the portal's editor. */
  async detail(tenantId: string, documentId: string) {
    const doc = await this.#db
      .selectFrom('kb_documents')
      .select(['document_id', 'title', 'format', 'body', 'passage_count', 'updated_at'])
      .where('tenant_id', '=', tenantId)
      .where('document_id', '=', documentId)
      .executeTakeFirst();
    if (!doc) return undefined;
    const passages = await this.#db
      .selectFrom('kb_passages')
      .select(['passage_no', 'heading', 'body'])
      .where('tenant_id', '=', tenantId)
      .where('document_id', '=', documentId)
      .orderBy('passage_no')
      .execute();
    return { ...doc, passages };
  }

  search(tenantId: string, query: string, limit = DEFAULT_HITS): Promise<SearchHit[]> {
    return searchPassages(this.#db, tenantId, query, limit);
  }
}
