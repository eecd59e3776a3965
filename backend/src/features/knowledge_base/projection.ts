import type { Projection, StoredEvent, Trx } from '../../storage/events.js';
import { KB_DOCUMENT_REMOVED, KB_DOCUMENT_UPDATED, type KbDocumentRemoved, type KbDocumentUpdated } from './events.js';
import { splitPassages } from './passages.js';
import './tables.js';

/** `kb_documents` + `kb_passages`: re-ingesting a document replaces its passages. */
export const knowledgeBaseProjection: Projection = {
  name: 'knowledge_base',
  handles: [KB_DOCUMENT_UPDATED, KB_DOCUMENT_REMOVED],
  tables: ['kb_passages', 'kb_documents'],
  async apply(trx: Trx, event: StoredEvent) {
    const p = event.payload as unknown as KbDocumentUpdated | KbDocumentRemoved;
    if (!p.documentId) return;
    await trx.deleteFrom('kb_passages').where('tenant_id', '=', event.tenantId).where('document_id', '=', p.documentId).execute();
    if (event.type === KB_DOCUMENT_REMOVED) {
      await trx.deleteFrom('kb_documents').where('tenant_id', '=', event.tenantId).where('document_id', '=', p.documentId).execute();
      return;
    }
    const doc = p as KbDocumentUpdated;
    const format = doc.format === 'text' ? 'text' : 'markdown';
    const passages = splitPassages(String(doc.body ?? ''), format);
    const row = { title: doc.title, format, body: doc.body, passage_count: passages.length, updated_at: event.occurredAt };
    await trx
      .insertInto('kb_documents')
      .values({ tenant_id: event.tenantId, document_id: doc.documentId, ...row })
      .onConflict((oc) => oc.columns(['tenant_id', 'document_id']).doUpdateSet(row))
      .execute();
    if (passages.length === 0) return;
    await trx
      .insertInto('kb_passages')
      .values(passages.map((x, i) => ({ tenant_id: event.tenantId, document_id: doc.documentId, passage_no: i + 1, title: doc.title, heading: x.heading, body: x.text })))
      .execute();
  },
};
