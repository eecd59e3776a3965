import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** Row types of this feature's tables, merged into `Database`. */
export interface KbDocumentsTable {
  tenant_id: string;
  document_id: string;
  title: string;
  format: string;
  body: string;
  passage_count: number;
  updated_at: Timestamp;
}

export interface KbPassagesTable {
  tenant_id: string;
  document_id: string;
  passage_no: number;
  title: string;
  heading: string | null;
  body: string;
  /** Generated column: never written. */
  tsv: ColumnType<string, never, never>;
}

declare module '../../storage/schema.js' {
  interface Database {
    kb_documents: KbDocumentsTable;
    kb_passages: KbPassagesTable;
  }
}
