import type { CloseRequest } from '@vozlia/contract';
import { nextPeriod, periodWindow, type PeriodWindow } from '../usage/period.js';
import type { BillingEventAppender, Clock, Log, TenantDirectory, UsageEventSource } from '../usage/ports.js';
import { buildStatement, lateEventBounds, type ClosedStatement } from '../usage/statement.js';
import { METERED_EVENT_TYPES } from '../usage/usage-events.js';
import { ControlPlaneError, conflict, notFound } from '../usage/http.js';
import { INVOICE_ISSUED } from './billing-events.js';
import type { CloseScheduler } from './close-schedule.js';
import { storedStatement, type InvoiceStatement } from './invoice-statement.js';
import type { InvoiceStore, StoredInvoice } from './invoice-store.js';
import type { PlanBook } from './plan-book.js';
import { priceStatement } from './pricing.js';
import type { StripeInvoiceSync } from './stripe-sync.js';

/**
 * An append that started before the close may commit after it, with a `recorded_at` (its
 * transaction's start) before the close: the cutoff stays this far behind the clock, so such an
 * event is either seen by the close or billed later as late, never skipped.
 */
export const CLOSE_SETTLE_MS = 60_000;
export const CURRENCY = 'usd';

export interface PeriodCloseDeps {
  events: UsageEventSource;
  tenants: TenantDirectory;
  store: InvoiceStore;
  plans: PlanBook;
  appender: BillingEventAppender;
  schedule: CloseScheduler;
  /** Null when STRIPE_SECRET_KEY is unset: invoices stay local. */
  stripe: StripeInvoiceSync | null;
  clock: Clock;
  log: Log;
  settleMs?: number;
}

/** Closes periods into invoices: exactly once per tenant and period, safe to re-run. */
export class PeriodClose {
  readonly #d: PeriodCloseDeps;
  readonly #settleMs: number;
  constructor(deps: PeriodCloseDeps) {
    this.#d = deps;
    this.#settleMs = deps.settleMs ?? CLOSE_SETTLE_MS;
  }

  /** One invoice per tenant (the given one, or every tenant with a plan); an open period only with `final`. */
  async close(req: CloseRequest): Promise<StoredInvoice[]> {
    const tenants = req.tenant_id ? [req.tenant_id] : await this.#d.tenants.listTenants();
    // Zones differ: refuse before writing anything when the period is still open for any of them.
    if (!req.final) {
      const now = this.#d.clock();
      for (const tenantId of tenants) {
        const zone = await this.#d.tenants.tenantZone(tenantId);
        if (zone && periodWindow(req.period, zone).to > now && !(await this.#d.store.find(tenantId, req.period))) {
          throw conflict('period_open', `period ${req.period} has not ended for ${tenantId}; close it early only with "final": true`);
        }
      }
    }
    const out: StoredInvoice[] = [];
    for (const tenantId of tenants) {
      try {
        out.push(await this.closeTenant(tenantId, req.period, req.final));
      } catch (err) {
        // Closing every tenant skips those that are not billed (no plan); one named tenant is refused.
        if (req.tenant_id || !(err instanceof ControlPlaneError) || err.code !== 'no_plan') throw err;
      }
    }
    return out;
  }

  async closeTenant(tenantId: string, period: string, final: boolean): Promise<StoredInvoice> {
    const zone = await this.#d.tenants.tenantZone(tenantId);
    if (!zone) throw notFound('tenant');
    const window = periodWindow(period, zone);
    const now = this.#d.clock();
    const existing = await this.#d.store.find(tenantId, period);
    if (existing) return this.#followUp(existing);
    if (window.to > now && !final) throw conflict('period_open', `period ${period} has not ended; close it early only with "final": true`);
    if (window.from >= now) throw conflict('period_not_started', `period ${period} has not started`);
    const cutoffAt = new Date(now.getTime() - this.#settleMs);
    // Billing starts with a plan: no invoice (and nothing sent to Stripe) for a tenant without one.
    // Plans are the admin's, set before the close: seen up to the close's clock, not the usage cutoff.
    if (!(await this.#d.plans.hasPlanBefore(tenantId, window.to > cutoffAt ? cutoffAt : window.to, now))) {
      throw conflict('no_plan', `${tenantId} has no plan in force in ${period}: set one with PUT /api/admin/tenants/${tenantId}/plan (effective_from may be the start of the month)`);
    }
    const billedTo = window.to > cutoffAt ? cutoffAt : window.to;
    const priced = await this.price(tenantId, window, cutoffAt, billedTo, now);
    const { invoice, created } = await this.#d.store.insertOnce({
      tenantId,
      period,
      final: window.to > now,
      currency: CURRENCY,
      cutoffAt,
      statement: priced.statement,
      lines: priced.lines,
      totalCents: priced.total_cents,
    });
    if (created) this.#d.log.info({ event: 'invoice_issued', tenantId, period, invoiceId: invoice.row.id, totalCents: invoice.row.total_cents }, 'period closed');
    return this.#followUp(invoice);
  }

  /**
   * Pure function of the events recorded by `cutoffAt`, the plans recorded by `plansBy` and the cutoffs of earlier invoices: a
   * close and a later rebuild with the same cutoff give the same statement and lines.
   */
  async price(tenantId: string, window: PeriodWindow, cutoffAt: Date, billedTo: Date, plansBy: Date) {
    const earlierInvoices = (await this.#d.store.forTenant(tenantId)).filter((i) => i.row.cutoff_at < cutoffAt && i.row.period !== window.period);
    const earlier: ClosedStatement[] = earlierInvoices.map((i) => ({ period: i.row.period, cutoffAt: i.row.cutoff_at }));
    const types = METERED_EVENT_TYPES;
    const [own, older, planEvents] = await Promise.all([
      this.#d.events.read({ tenantId, types, occurredFrom: window.from, occurredTo: window.to }),
      this.#d.events.read({ tenantId, types, occurredTo: window.from, ...lateEventBounds(window, earlier) }),
      this.#d.plans.planEvents(tenantId, plansBy),
    ]);
    const statement = buildStatement({ window, cutoffAt, earlier, events: [...older, ...own] });
    const billed = billedMinutesBy(earlierInvoices.map((i) => ({ period: i.row.period, statement: i.row.statement })));
    const priced = priceStatement({ statement, billedTo, planEvents, billedMinutes: (p) => billed.get(p) ?? 0 });
    return { statement: storedStatement(statement), ...priced };
  }

  /** Recomputes an invoice's statement from the events, with its own cutoff. */
  async rebuild(inv: StoredInvoice): Promise<InvoiceStatement & { total_cents: number }> {
    const zone = await this.#d.tenants.tenantZone(inv.row.tenant_id);
    if (!zone) throw notFound('tenant');
    const window = periodWindow(inv.row.period, zone);
    const cutoffAt = inv.row.cutoff_at;
    // Plans recorded by the invoice's creation: those the close saw (set at or before its clock).
    const p = await this.price(inv.row.tenant_id, window, cutoffAt, window.to > cutoffAt ? cutoffAt : window.to, inv.row.created_at);
    return { ...p.statement, total_cents: p.total_cents };
  }

  /** Idempotent steps after the insert, repeated by every re-run until they have happened. */
  async #followUp(inv: StoredInvoice): Promise<StoredInvoice> {
    const { row } = inv;
    await this.#d.appender.append({
      tenantId: row.tenant_id,
      type: INVOICE_ISSUED,
      payload: { invoice_id: row.id, period: row.period, total_cents: row.total_cents, final: row.final, cutoff_at: row.cutoff_at.toISOString() },
      idempotencyKey: `${INVOICE_ISSUED}:${row.id}`,
    });
    const zone = await this.#d.tenants.tenantZone(row.tenant_id);
    if (zone && !row.final) await this.#d.schedule.scheduleClose(row.tenant_id, zone, nextPeriod(row.period));
    if (!this.#d.stripe || row.stripe_finalized_at) return inv;
    try {
      await this.#d.stripe.sync(inv);
    } catch (err) {
      // The invoice stands; Stripe catches up on a re-run or the retry job, with the same keys.
      this.#d.log.warn({ event: 'stripe_sync_failed', invoiceId: row.id, err: errorSummary(err) }, 'Stripe sync failed; will retry');
      await this.#d.schedule.scheduleStripeSync(row.id, this.#d.clock());
    }
    return (await this.#d.store.byId(row.id)) ?? inv;
  }

  /** For the retry job: throws so the job mechanism backs off and tries again. */
  async syncToStripe(invoiceId: string): Promise<void> {
    const inv = await this.#d.store.byId(invoiceId);
    if (!inv) throw new ControlPlaneError('not_found', `invoice ${invoiceId} not found`, 404);
    await this.#d.stripe?.sync(inv);
  }
}

/** Billable minutes of each period already billed: its own invoice plus earlier adjustments. */
function billedMinutesBy(invoices: { period: string; statement: InvoiceStatement }[]): Map<string, number> {
  const out = new Map<string, number>();
  const add = (p: string, n: number) => out.set(p, (out.get(p) ?? 0) + n);
  for (const i of invoices) {
    add(i.period, i.statement.usage.billable_minutes);
    for (const a of i.statement.adjustments) add(a.period, a.usage.billable_minutes);
  }
  return out;
}

function errorSummary(err: unknown): { name?: string; message?: string; code?: string } {
  const e = err as { name?: string; message?: string; code?: string };
  return { name: e?.name, message: e?.message, code: e?.code };
}
