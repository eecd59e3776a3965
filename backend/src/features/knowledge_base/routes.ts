import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { FeaturePorts } from '../../features/types.js';
import { NotFoundError, ValidationError } from '../../server/errors.js';
import { KB_DOCUMENT_REMOVED, KB_DOCUMENT_UPDATED, kbStream } from './events.js';
import { searchPassages } from './search.js';

const Params = z.object({ tenantId: z.string().min(1), documentId: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/).optional() });
const DocBody = z.object({ title: z.string().min(1).max(200), format: z.enum(['markdown', 'text']).default('markdown'), body: z.string().min(1).max(200_000) });
const SearchQuery = z.object({ q: z.string().min(1).max(300) });

/**
 * Portal API under /api/features/knowledge_base: list, upsert (re-ingest), remove, search.
 * Tenant scoping is by path; the portal's owner-auth preHandler is added where portal auth lands.
 */
export const routes: FastifyPluginAsync<{ ports: FeaturePorts }> = async (app, { ports }) => {
  app.get('/tenants/:tenantId/documents', async (req) => {
    const { tenantId } = parse(Params, req.params);
    const documents = await ports.db
      .selectFrom('kb_documents')
      .select(['document_id', 'title', 'format', 'passage_count', 'updated_at'])
      .where('tenant_id', '=', tenantId)
      .orderBy('document_id')
      .execute();
    return { documents };
  });
  app.put('/tenants/:tenantId/documents/:documentId', async (req) => {
    const { tenantId, documentId } = parse(Params, req.params);
    if (!documentId) throw new ValidationError('document id required');
    const doc = parse(DocBody, req.body);
    await ports.events.append({
      tenantId,
      stream: kbStream(tenantId, documentId),
      events: [{ type: KB_DOCUMENT_UPDATED, payload: { tenantId, documentId, ...doc }, metadata: { actor_mode: 'owner', source: 'portal' } }],
    });
    return ports.db.selectFrom('kb_documents').select(['document_id', 'title', 'passage_count']).where('tenant_id', '=', tenantId).where('document_id', '=', documentId).executeTakeFirstOrThrow();
  });
  app.delete('/tenants/:tenantId/documents/:documentId', async (req, reply) => {
    const { tenantId, documentId } = parse(Params, req.params);
    const exists = await ports.db.selectFrom('kb_documents').select('document_id').where('tenant_id', '=', tenantId).where('document_id', '=', documentId ?? '').executeTakeFirst();
    if (!exists) throw new NotFoundError('no such document');
    await ports.events.append({
      tenantId,
      stream: kbStream(tenantId, documentId!),
      events: [{ type: KB_DOCUMENT_REMOVED, payload: { tenantId, documentId }, metadata: { actor_mode: 'owner', source: 'portal' } }],
    });
    return reply.code(204).send();
  });
  app.get('/tenants/:tenantId/search', async (req) => {
    const { tenantId } = parse(Params, req.params);
    const { q } = parse(SearchQuery, req.query);
    return { results: await searchPassages(ports.db, tenantId, q) };
  });
};

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new ValidationError(r.error.issues[0]?.message ?? 'invalid request');
  return r.data;
}
