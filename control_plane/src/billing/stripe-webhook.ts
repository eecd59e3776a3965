import type { Kysely } from 'kysely';
import Stripe from 'stripe';
import type { BillingEventAppender, Clock, Log } from '../usage/ports.js';
import { INVOICE_PAID, INVOICE_PAYMENT_FAILED } from './billing-events.js';
import type { BillingDatabase } from './tables.js';

/** Stripe's default: a signature older than this is refused (replay protection). */
export const STRIPE_WEBHOOK_TOLERANCE_SECONDS = 300;

export type WebhookOutcome = { ok: false; reason: 'not_configured' | 'bad_signature' } | { ok: true; duplicate: boolean; type: string };

export interface StripeWebhookDeps {
  db: Kysely<BillingDatabase>;
  /** STRIPE_WEBHOOK_SECRET; unset → every webhook is refused. */
  secret: string | undefined;
  appender: BillingEventAppender;
  clock: Clock;
  log: Log;
}

/**
 * Verifies a delivery (raw body, `Stripe-Signature`, every `v1` tried, 300 s tolerance) and
 * records it once: the `stripe_events` row and the invoice's new status commit together, so a
 * redelivery changes nothing. A late `invoice.payment_failed` never undoes `paid` (Stripe does
 * not promise order).
 */
export class StripeWebhookHandler {
  readonly #d: StripeWebhookDeps;
  constructor(deps: StripeWebhookDeps) {
    this.#d = deps;
  }

  async handle(raw: Buffer, signature: string | undefined): Promise<WebhookOutcome> {
    if (!this.#d.secret) return { ok: false, reason: 'not_configured' };
    let event: Stripe.Event;
    try {
      event = await Stripe.webhooks.constructEventAsync(raw, signature ?? '', this.#d.secret, STRIPE_WEBHOOK_TOLERANCE_SECONDS, undefined, this.#d.clock().getTime());
    } catch {
      return { ok: false, reason: 'bad_signature' };
    }
    const stripeInvoiceId = invoiceIdOf(event);
    const fresh = await this.#d.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('stripe_events')
        .values({ id: event.id, type: event.type, stripe_invoice_id: stripeInvoiceId, payload: JSON.stringify(event) })
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!row || !stripeInvoiceId) return row !== undefined;
      if (event.type === 'invoice.paid') {
        await trx.updateTable('invoices').set({ status: 'paid', paid_at: this.#d.clock() }).where('stripe_invoice_id', '=', stripeInvoiceId).execute();
      } else if (event.type === 'invoice.payment_failed') {
        await trx.updateTable('invoices').set({ status: 'payment_failed' }).where('stripe_invoice_id', '=', stripeInvoiceId).where('status', '<>', 'paid').execute();
      }
      return true;
    });
    // Also on a redelivery: the appends are keyed by the Stripe event, so a crash between the
    // commit above and here is repaired by Stripe's retry.
    const type = event.type === 'invoice.paid' ? INVOICE_PAID : event.type === 'invoice.payment_failed' ? INVOICE_PAYMENT_FAILED : null;
    if (type && stripeInvoiceId) {
      const invoices = await this.#d.db.selectFrom('invoices').select(['id', 'tenant_id']).where('stripe_invoice_id', '=', stripeInvoiceId).execute();
      for (const inv of invoices) {
        await this.#d.appender.append({ tenantId: inv.tenant_id, type, payload: { invoice_id: inv.id, stripe_event_id: event.id }, idempotencyKey: `${type}:${event.id}` });
      }
    }
    if (!fresh) return { ok: true, duplicate: true, type: event.type };
    this.#d.log.info({ event: 'stripe_webhook', type: event.type, stripeEventId: event.id }, 'Stripe webhook recorded');
    return { ok: true, duplicate: false, type: event.type };
  }
}

function invoiceIdOf(event: Stripe.Event): string | null {
  const obj = event.data.object as { object?: string; id?: string };
  return obj.object === 'invoice' && typeof obj.id === 'string' ? obj.id : null;
}
