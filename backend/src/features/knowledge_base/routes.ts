import { DocumentId, SaveDocumentRequest, SearchQuery, type DocumentDetail, type DocumentSummary } from '@vozlia/contract';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError, NotFoundError } from '../../server/errors.js';
import { versionedDocument } from '../kit/document-version.js';
import { parseRequest } from '../kit/parse-request.js';
import { portalMetadata, type TenantParams } from '../kit/tenant-route.js';
import type { FeaturePorts } from '../types.js';
import { KB_DOCUMENT_REMOVED, KB_DOCUMENT_UPDATED, kbStream } from './events.js';
import type { KnowledgeBaseStore } from './store.js';

/** A new document's id taken by a live one (`If-None-Match: *`): 412, nothing overwritten. */
class DocumentExistsError extends AppError {
  constructor() {
    super('exists', 'a document with this id already exists: choose another id, or edit that document', 412);
  }
}

const DocParams = z.object({ tenant_id: z.string(), document_id: DocumentId });
type SummaryRow = { document_id: string; title: string; format: string; passage_count: number; updated_at: Date | string };

const toSummary = (r: SummaryRow): DocumentSummary => ({
  document_id: r.document_id,
  title: r.title,
  format: r.format === 'text' ? 'text' : 'markdown',
  passage_count: r.passage_count,
  updated_at: new Date(r.updated_at).toISOString(),
});

/**
 * The knowledge base in the tenant scope, under `knowledge-base/`: documents (list, read with
 * passages, upsert = re-split at once, remove) and the search a caller's question runs. A
 * document's `ETag` is its stream's version: a PUT with `If-Match` over an older one is a 412.
 */
export const routes: FastifyPluginAsync<{ ports: FeaturePorts<KnowledgeBaseStore> }> = async (app, { ports }) => {
  const detail = async (tenantId: string, documentId: string): Promise<DocumentDetail | undefined> => {
    const d = await ports.store.detail(tenantId, documentId);
    return d && { ...toSummary(d), body: d.body, passages: d.passages };
  };

  app.get<{ Params: TenantParams }>('/knowledge-base/documents', async (req) => ({
    items: (await ports.store.documents(req.params.tenant_id)).map(toSummary),
  }));

  // Each document is its own stream: its version is the document's `ETag` (If-Match on PUT).
  const versioned = (tenantId: string, documentId: string) => versionedDocument<DocumentDetail>(ports.events, kbStream(tenantId, documentId), 'document');
  const answer = (reply: FastifyReply, tenantId: string, documentId: string, missing: () => Error) =>
    versioned(tenantId, documentId).send(reply, async () => {
      const doc = await detail(tenantId, documentId);
      if (!doc) throw missing();
      return doc;
    });

  app.get('/knowledge-base/documents/:document_id', async (req, reply) => {
    const { tenant_id, document_id } = parseRequest(DocParams, req.params);
    return answer(reply, tenant_id, document_id, () => new NotFoundError('no such document'));
  });

  app.put('/knowledge-base/documents/:document_id', async (req, reply) => {
    const { tenant_id: tenantId, document_id: documentId } = parseRequest(DocParams, req.params);
    const doc = parseRequest(SaveDocumentRequest, req.body);
    // `If-None-Match: *`: a new document, never one that is already there under this id.
    if (req.headers['if-none-match']?.trim() === '*' && (await ports.store.document(tenantId, documentId))) throw new DocumentExistsError();
    await versioned(tenantId, documentId).append(req, { tenantId, events: [{ type: KB_DOCUMENT_UPDATED, payload: { tenantId, documentId, ...doc }, metadata: portalMetadata(req) }] });
    // Projected inside the append: missing here means the projection skipped it, a server fault.
    return answer(reply, tenantId, documentId, () => new Error(`document ${documentId} was not projected`));
  });

  app.delete('/knowledge-base/documents/:document_id', async (req, reply) => {
    const { tenant_id: tenantId, document_id: documentId } = parseRequest(DocParams, req.params);
    if (!(await ports.store.document(tenantId, documentId))) throw new NotFoundError('no such document');
    await ports.events.append({
      tenantId,
      stream: kbStream(tenantId, documentId),
      events: [{ type: KB_DOCUMENT_REMOVED, payload: { tenantId, documentId }, metadata: portalMetadata(req) }],
    });
    return reply.code(204).send();
  });

  app.get<{ Params: TenantParams }>('/knowledge-base/search', async (req) => {
    const { q } = parseRequest(SearchQuery, req.query);
    const hits = await ports.store.search(req.params.tenant_id, q);
    return { items: hits.map((h) => ({ document_id: h.documentId, title: h.title, heading: h.heading, text: h.text, score: h.score })) };
  });
};
