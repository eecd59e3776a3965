import type { ColumnType, Generated, Selectable } from 'kysely';
import type { InvoiceLineKind, InvoiceStatus } from '@vozlia/contract';
import type { InvoiceStatement } from './invoice-statement.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface InvoicesTable {
  id: string;
  tenant_id: string;
  period: string;
  status: Generated<InvoiceStatus>;
  final: Generated<boolean>;
  currency: string;
  total_cents: number;
  /** Events recorded up to this instant are on this invoice. */
  cutoff_at: Timestamp;
  /** The metered statement it was priced from, kept so a rebuild can be compared. */
  statement: Json<InvoiceStatement>;
  created_at: Generated<Date>;
  paid_at: Timestamp | null;
  stripe_invoice_id: string | null;
  stripe_finalized_at: Timestamp | null;
}

export interface InvoiceLinesTable {
  invoice_id: string;
  position: number;
  kind: InvoiceLineKind;
  description: string;
  quantity: number;
  unit_cents: number;
  amount_cents: number;
  stripe_item_id: string | null;
}

export interface StripeCustomersTable {
  tenant_id: string;
  stripe_customer_id: string;
  created_at: Generated<Date>;
}

export interface StripeEventsTable {
  id: string;
  type: string;
  stripe_invoice_id: string | null;
  payload: Json<Record<string, unknown>>;
  received_at: Generated<Date>;
}

/** Billing's own tables; the backend's Database includes them when it mounts billing. */
export interface BillingDatabase {
  invoices: InvoicesTable;
  invoice_lines: InvoiceLinesTable;
  stripe_customers: StripeCustomersTable;
  stripe_events: StripeEventsTable;
}

export type InvoiceRow = Selectable<InvoicesTable>;
export type InvoiceLineRow = Selectable<InvoiceLinesTable>;
