import type Stripe from 'stripe';
import type { Clock, Log } from '../usage/ports.js';
import type { InvoiceStore, StoredInvoice } from './invoice-store.js';

const DAYS_UNTIL_DUE = 30;

/**
 * Idempotency keys, derived from our ids only: a retried close (after a crash anywhere in the
 * middle) sends the same key for the same write, and Stripe replays its first answer instead
 * of creating a second object. Keys are kept ≥ 24 h by Stripe; each step's result is stored
 * here as soon as it returns, so a retry after that skips the request altogether.
 */
export const stripeKeys = {
  customer: (tenantId: string) => `vozlia:customer:${tenantId}`,
  invoice: (invoiceId: string) => `vozlia:${invoiceId}:invoice`,
  item: (invoiceId: string, position: number) => `vozlia:${invoiceId}:line:${position}`,
  finalize: (invoiceId: string) => `vozlia:${invoiceId}:finalize`,
};

export interface StripeSyncDeps {
  stripe: Stripe;
  store: InvoiceStore;
  clock: Clock;
  log: Log;
}

/**
 * Puts a product invoice into Stripe: the tenant's customer (once), a draft invoice that takes
 * only the items we attach, one invoice item per line, then finalize. The product never pays it.
 * Resumable: each step reads what is already stored and does only what is missing.
 */
export class StripeInvoiceSync {
  readonly #d: StripeSyncDeps;
  constructor(deps: StripeSyncDeps) {
    this.#d = deps;
  }

  async sync(inv: StoredInvoice): Promise<void> {
    const { row } = inv;
    if (row.stripe_finalized_at) return;
    const customer = await this.#customer(row.tenant_id);
    const stripeInvoiceId = row.stripe_invoice_id ?? (await this.#createInvoice(inv, customer));
    for (const l of inv.lines) {
      if (l.stripe_item_id) continue;
      const item = await this.#d.stripe.invoiceItems.create(
        {
          customer,
          invoice: stripeInvoiceId,
          amount: l.amount_cents,
          currency: row.currency,
          description: `${l.description} (${l.quantity} × ${l.unit_cents}¢)`,
          metadata: { vozlia_invoice_id: row.id, line: String(l.position), kind: l.kind },
        },
        { idempotencyKey: stripeKeys.item(row.id, l.position) },
      );
      await this.#d.store.setStripeItem(row.id, l.position, item.id);
    }
    await this.#d.stripe.invoices.finalizeInvoice(stripeInvoiceId, { auto_advance: false }, { idempotencyKey: stripeKeys.finalize(row.id) });
    await this.#d.store.setStripeFinalized(row.id, this.#d.clock());
    this.#d.log.info({ event: 'stripe_invoice_finalized', invoiceId: row.id, stripeInvoiceId, lines: inv.lines.length }, 'invoice sent to Stripe');
  }

  async #customer(tenantId: string): Promise<string> {
    const known = await this.#d.store.stripeCustomer(tenantId);
    if (known) return known;
    const c = await this.#d.stripe.customers.create(
      { name: tenantId, metadata: { vozlia_tenant_id: tenantId } },
      { idempotencyKey: stripeKeys.customer(tenantId) },
    );
    return this.#d.store.saveStripeCustomer(tenantId, c.id);
  }

  async #createInvoice({ row }: StoredInvoice, customer: string): Promise<string> {
    const created = await this.#d.stripe.invoices.create(
      {
        customer,
        currency: row.currency,
        collection_method: 'send_invoice',
        days_until_due: DAYS_UNTIL_DUE,
        auto_advance: false,
        // Only the items attached below, never other pending items of the customer.
        pending_invoice_items_behavior: 'exclude',
        description: `Vozlia ${row.period}${row.final ? ' (final)' : ''}`,
        metadata: { vozlia_invoice_id: row.id, vozlia_tenant_id: row.tenant_id, period: row.period },
      },
      { idempotencyKey: stripeKeys.invoice(row.id) },
    );
    await this.#d.store.setStripeInvoice(row.id, created.id);
    return created.id;
  }
}
