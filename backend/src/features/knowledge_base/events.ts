import type { DocumentFormat } from './passages.js';

export const KB_DOCUMENT_UPDATED = 'kb.document_updated';
export const KB_DOCUMENT_REMOVED = 'kb.document_removed';

export const kbStream = (tenantId: string, documentId: string) => ({ type: 'kb_document', id: `kb:${tenantId}:${documentId}` });

export interface KbDocumentUpdated {
  tenantId: string;
  documentId: string;
  title: string;
  format: DocumentFormat;
  body: string;
}

export interface KbDocumentRemoved {
  tenantId: string;
  documentId: string;
}
