import { z } from 'zod';
import { IsoInstant } from './scalars.js';

/**
 * The knowledge base under `/api/tenants/:tenant_id/knowledge-base/`.
 * - `GET documents` → `DocumentList`; `GET documents/:document_id` → `DocumentDetail`.
 * - `PUT documents/:document_id` (`SaveDocumentRequest`) → `DocumentDetail` (re-split at once).
 * - `DELETE documents/:document_id` → 204.
 * - `GET search?q=` (`SearchQuery`) → `SearchResults`, the passages a caller's question finds.
 */
export const DOCUMENT_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;
export const DOCUMENT_BODY_MAX_CHARS = 200_000;

export const DocumentId = z.string().regex(DOCUMENT_ID_PATTERN, 'Lowercase letters, digits, - and _ only');

export const DocumentSummary = z.object({
  document_id: DocumentId,
  title: z.string(),
  format: z.enum(['markdown', 'text']),
  passage_count: z.number().int().nonnegative(),
  updated_at: IsoInstant,
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const DocumentList = z.object({ items: z.array(DocumentSummary) });
export type DocumentList = z.infer<typeof DocumentList>;

export const Passage = z.object({ passage_no: z.number().int().nonnegative(), heading: z.string().nullable(), body: z.string() });
export type Passage = z.infer<typeof Passage>;

export const DocumentDetail = DocumentSummary.extend({ body: z.string(), passages: z.array(Passage) });
export type DocumentDetail = z.infer<typeof DocumentDetail>;

export const SaveDocumentRequest = z.object({
  title: z.string().trim().min(1, 'Give the document a title').max(200),
  format: z.enum(['markdown', 'text']).default('markdown'),
  body: z.string().trim().min(1, 'Write something callers may ask about').max(DOCUMENT_BODY_MAX_CHARS),
});
export type SaveDocumentRequest = z.infer<typeof SaveDocumentRequest>;

export const SearchQuery = z.object({ q: z.string().trim().min(1).max(300) });
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SearchHit = z.object({ document_id: z.string(), title: z.string(), heading: z.string().nullable(), text: z.string(), score: z.number() });
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResults = z.object({ items: z.array(SearchHit) });
export type SearchResults = z.infer<typeof SearchResults>;
