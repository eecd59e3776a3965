import { DocumentId, SaveDocumentRequest, SearchQuery, type DocumentDetail, type DocumentSummary } from '@vozlia/contract';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { NotFoundError } from '../../server/errors.js';
import { parseRequest } from '../kit/parse-request.js';
import { portalMetadata, type TenantParams } from '../kit/tenant-route.js';
import type { FeaturePorts } from '../types.js';
import { KB_DOCUMENT_REMOVED, KB_DOCUMENT_UPDATED, kbStream } from './events.js';
import type { KnowledgeBaseStore } from './store.js';

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
 * passages, upsert = re-split at once, remove) and the search a caller's question runs.
 */
export const routes: FastifyPluginAsync<{ ports: FeaturePorts<KnowledgeBaseStore> }> = async (app, { ports }) => {
  const detail = async (tenantId: string, documentId: string): Promise<DocumentDetail | undefined> => {
    const d = await ports.store.detail(tenantId, documentId);
    return d && { ...toSummary(d), body: d.body, passages: d.passages };
  };

  app.get<{ Params: TenantParams }>('/knowledge-base/documents', async (req) => ({
    items: (await ports.store.documents(req.params.tenant_id)).map(toSummary),
  }));

  app.get('/knowledge-base/documents/:document_id', async (req) => {
    const { tenant_id, document_id } = parseRequest(DocParams, req.params);
    const doc = await detail(tenant_id, document_id);
    if (!doc) throw new NotFoundError('no such document');
    return doc;
  });

  app.put('/knowledge-base/documents/:document_id', async (req) => {
    const { tenant_id: tenantId, document_id: documentId } = parseRequest(DocParams, req.params);
    const doc = parseRequest(SaveDocumentRequest, req.body);
    await ports.events.append({
      tenantId,
      stream: kbStream(tenantId, documentId),
      events: [{ type: KB_DOCUMENT_UPDATED, payload: { tenantId, documentId, ...doc }, metadata: portalMetadata(req) }],
    });
    // Projected inside the append: missing here means the projection skipped it, a server fault.
    const saved = await detail(tenantId, documentId);
    if (!saved) throw new Error(`document ${documentId} was not projected`);
    return saved;
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
