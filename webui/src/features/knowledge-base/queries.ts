import { DocumentDetail, DocumentList, SearchResults, type SaveDocumentRequest } from '@vozlia/contract';
import { tenantPath, type ApiClient } from '@/lib/api/api-client';
import { tenantKey, tenantQuery } from '@/lib/query/tenant-query';

const kb = (tenantId: string, ...rest: string[]) => tenantPath(tenantId, 'knowledge-base', ...rest);
export const kbKey = (tenantId: string) => tenantKey(tenantId, 'knowledge-base');

export const documentsQuery = (api: ApiClient, tenantId: string) =>
  tenantQuery(api, tenantId, ['knowledge-base', 'documents'], (api, signal) => api.get(kb(tenantId, 'documents'), DocumentList, undefined, signal));

export const documentQuery = (api: ApiClient, tenantId: string, documentId: string) =>
  tenantQuery(api, tenantId, ['knowledge-base', 'documents', documentId], (api, signal) => api.getVersioned(kb(tenantId, 'documents', documentId), DocumentDetail, signal));

export const searchQuery = (api: ApiClient, tenantId: string, q: string) =>
  tenantQuery(api, tenantId, ['knowledge-base', 'search', q], (api, signal) => api.get(kb(tenantId, 'search'), SearchResults, { q }, signal));

/** Over the version read (`etag`), or 'new': never over a document already under that id. */
export const saveDocument = (api: ApiClient, tenantId: string, documentId: string, body: SaveDocumentRequest, version: string | 'new' | null) =>
  api.putVersioned(kb(tenantId, 'documents', documentId), body, DocumentDetail, version);

export const deleteDocument = (api: ApiClient, tenantId: string, documentId: string) => api.send('DELETE', kb(tenantId, 'documents', documentId), undefined, null);

/** "Opening hours & Holidays" → "opening-hours-holidays": a new document's id. */
export const slugify = (title: string) =>
  title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63) || 'document';
