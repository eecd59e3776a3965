import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface CallSummariesTable {
  call_sid: string;
  tenant_id: string;
  summary: string;
  method: string;
  created_at: Timestamp;
}

declare module '../../storage/schema.js' {
  interface Database {
    call_summaries: CallSummariesTable;
  }
}
