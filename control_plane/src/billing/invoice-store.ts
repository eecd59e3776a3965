import { randomBytes } from 'node:crypto';
import type { Invoice, InvoiceLine } from '@vozlia/contract';
import type { Kysely } from 'kysely';
import type { InvoiceStatement } from './invoice-statement.js';
import type { BillingDatabase, InvoiceLineRow, InvoiceRow } from './tables.js';

export interface NewInvoice {
  tenantId: string;
  period: string;
  final: boolean;
  currency: string;
  cutoffAt: Date;
  statement: InvoiceStatement;
  lines: InvoiceLine[];
  totalCents: number;
}

/** An invoice with its lines and Stripe state, as billing works with it. */
export interface StoredInvoice {
  row: InvoiceRow;
  lines: InvoiceLineRow[];
}

/** Invoices and lines. Every write that must happen once is guarded by a unique key. */
export class InvoiceStore {
  readonly #db: Kysely<BillingDatabase>;
  constructor(db: Kysely<BillingDatabase>) {
    this.#db = db;
  }

  /**
   * Inserts the invoice and its lines in one transaction, unless the tenant's period already has
   * one (the unique key decides between two instances closing at once); returns the one stored.
   */
  async insertOnce(inv: NewInvoice): Promise<{ invoice: StoredInvoice; created: boolean }> {
    const id = `inv_${randomBytes(10).toString('hex')}`;
    const created = await this.#db.transaction().execute(async (trx) => {
      const header = await trx
        .insertInto('invoices')
        .values({
          id,
          tenant_id: inv.tenantId,
          period: inv.period,
          final: inv.final,
          currency: inv.currency,
          total_cents: inv.totalCents,
          cutoff_at: inv.cutoffAt,
          statement: JSON.stringify(inv.statement),
        })
        .onConflict((oc) => oc.columns(['tenant_id', 'period']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!header) return false;
      if (inv.lines.length) {
        await trx
          .insertInto('invoice_lines')
          .values(inv.lines.map((l, position) => ({ invoice_id: id, position, ...l, stripe_item_id: null })))
          .execute();
      }
      return true;
    });
    const invoice = await this.find(inv.tenantId, inv.period);
    if (!invoice) throw new Error(`invoice for ${inv.tenantId} ${inv.period} vanished after insert`);
    return { invoice, created };
  }

  async find(tenantId: string, period: string): Promise<StoredInvoice | null> {
    const [found] = await this.#withLines(this.#db.selectFrom('invoices').selectAll().where('tenant_id', '=', tenantId).where('period', '=', period).execute());
    return found ?? null;
  }

  async byId(id: string): Promise<StoredInvoice | null> {
    const [found] = await this.#withLines(this.#db.selectFrom('invoices').selectAll().where('id', '=', id).execute());
    return found ?? null;
  }

  /** A tenant's invoices, newest period first. */
  async forTenant(tenantId: string): Promise<StoredInvoice[]> {
    return this.#withLines(this.#db.selectFrom('invoices').selectAll().where('tenant_id', '=', tenantId).orderBy('period', 'desc').execute());
  }

  async forPeriod(period: string): Promise<StoredInvoice[]> {
    return this.#withLines(this.#db.selectFrom('invoices').selectAll().where('period', '=', period).orderBy('tenant_id').execute());
  }

  async setStripeInvoice(id: string, stripeInvoiceId: string): Promise<void> {
    await this.#db.updateTable('invoices').set({ stripe_invoice_id: stripeInvoiceId }).where('id', '=', id).execute();
  }

  async setStripeItem(invoiceId: string, position: number, itemId: string): Promise<void> {
    await this.#db.updateTable('invoice_lines').set({ stripe_item_id: itemId }).where('invoice_id', '=', invoiceId).where('position', '=', position).execute();
  }

  async setStripeFinalized(id: string, at: Date): Promise<void> {
    await this.#db.updateTable('invoices').set({ stripe_finalized_at: at }).where('id', '=', id).where('stripe_finalized_at', 'is', null).execute();
  }

  async stripeCustomer(tenantId: string): Promise<string | null> {
    const row = await this.#db.selectFrom('stripe_customers').select('stripe_customer_id').where('tenant_id', '=', tenantId).executeTakeFirst();
    return row?.stripe_customer_id ?? null;
  }

  /** First writer wins; returns the stored id (the same customer under the same idempotency key). */
  async saveStripeCustomer(tenantId: string, customerId: string): Promise<string> {
    await this.#db.insertInto('stripe_customers').values({ tenant_id: tenantId, stripe_customer_id: customerId }).onConflict((oc) => oc.column('tenant_id').doNothing()).execute();
    return (await this.stripeCustomer(tenantId)) ?? customerId;
  }

  async #withLines(rowsP: Promise<InvoiceRow[]>): Promise<StoredInvoice[]> {
    const rows = await rowsP;
    if (rows.length === 0) return [];
    const lines = await this.#db
      .selectFrom('invoice_lines')
      .selectAll()
      .where(
        'invoice_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('invoice_id')
      .orderBy('position')
      .execute();
    return rows.map((row) => ({ row, lines: lines.filter((l) => l.invoice_id === row.id) }));
  }
}

/** The contract's shape (§8). */
export function toContractInvoice({ row, lines }: StoredInvoice): Invoice {
  return {
    id: row.id,
    tenant_id: row.tenant_id,
    period: row.period,
    status: row.status,
    final: row.final,
    currency: row.currency,
    total_cents: row.total_cents,
    lines: lines.map((l) => ({ kind: l.kind, description: l.description, quantity: l.quantity, unit_cents: l.unit_cents, amount_cents: l.amount_cents })),
    cutoff_at: row.cutoff_at.toISOString(),
    created_at: row.created_at.toISOString(),
    stripe_invoice_id: row.stripe_invoice_id,
  };
}
