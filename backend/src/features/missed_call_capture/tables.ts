import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** Row types of this feature's tables, merged into `Database`. */
export interface NotificationsTable {
  id: string;
  tenant_id: string;
  kind: string;
  channel: string;
  status: string;
  subject: string;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

export interface MissedCallsTable {
  call_sid: string;
  tenant_id: string;
  from_number: string | null;
  reason: string | null;
  missed_at: Timestamp;
}

declare module '../../storage/schema.js' {
  interface Database {
    notifications: NotificationsTable;
    missed_calls: MissedCallsTable;
  }
}
