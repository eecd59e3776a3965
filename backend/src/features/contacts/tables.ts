import type { ColumnType } from 'kysely';
import type { Json } from '../../storage/schema.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** Row types of this feature's tables, merged into `Database`. */
export interface ContactsTable {
  tenant_id: string;
  phone: string;
  name: string | null;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
  calls_count: number;
  orders_count: number;
  appointments_count: number;
}

export interface OwnerContactsTable {
  tenant_id: string;
  contact_id: string;
  name: string;
  phone: string | null;
  email: string | null;
  notify: Json<Record<string, string[]>>;
  updated_at: Timestamp;
}

declare module '../../storage/schema.js' {
  interface Database {
    contacts: ContactsTable;
    owner_contacts: OwnerContactsTable;
  }
}
