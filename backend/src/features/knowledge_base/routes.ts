import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../../server/errors.js';
import { parseRequest } from '../kit/parse-request.js';
import type { FeaturePorts } from '../types.js';
import { KB_DOCUMENT_REMOVED, KB_DOCUMENT_UPDATED, kbStream } from './events.js';
import type { KnowledgeBaseStore } from './store.js';

const Params = z.object({ tenantId: z.string().min(1), documentId: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/).optional() });
const DocBody = z.object({ title: z.string().min(1).max(200), format: z.enum(['markdown', 'text']).default('markdown'), body: z.string().min(1).max(200_000) });
const SearchQuery = z.object({ q: z.string().min(1).max(300) });

/**
 * Portal API under /api/features/knowledge_base: list, upsert (re-ingest), remove, search.
 * Tenant scoping is by path; the portal's owner-auth preHandler is added where portal auth lands.
 */
export const routes: FastifyPluginAsync<{ ports: FeaturePorts<KnowledgeBaseStore> }> = async (app, { ports }) => {
  app.get('/tenants/:tenantId/documents', async (req) => {
    const { tenantId } = parseRequest(Params, req.params);
    return { documents: await ports.store.documents(tenantId) };
  });
  app.put('/tenants/:tenantId/documents/:documentId', async (req) => {
    const { tenantId, documentId } = parseRequest(Params, req.params);
    if (!documentId) throw new ValidationError('document id required');
    const doc = parseRequest(DocBody, req.body);
    await ports.events.append({
      tenantId,
      stream: kbStream(tenantId, documentId),
      events: [{ type: KB_DOCUMENT_UPDATED, payload: { tenantId, documentId, ...doc }, metadata: { actor_mode: 'owner', source: 'portal' } }],
    });
    const saved = await ports.store.document(tenantId, documentId);
    // Projected inside the append: missing here means the projection skipped it, a server fault.
    if (!saved) throw new Error(`document ${documentId} was not projected`);
    return saved;
  });
  app.delete('/tenants/:tenantId/documents/:documentId', async (req, reply) => {
    const { tenantId, documentId } = parseRequest(Params, req.params);
    if (!(await ports.store.document(tenantId, documentId ?? ''))) throw new NotFoundError('no such document');
    await ports.events.append({
      tenantId,
      stream: kbStream(tenantId, documentId!),
      events: [{ type: KB_DOCUMENT_REMOVED, payload: { tenantId, documentId }, metadata: { actor_mode: 'owner', source: 'portal' } }],
    });
    return reply.code(204).send();
  });
  app.get('/tenants/:tenantId/search', async (req) => {
    const { tenantId } = parseRequest(Params, req.params);
    const { q } = parseRequest(SearchQuery, req.query);
    return { results: await ports.store.search(tenantId, q) };
  });
};
