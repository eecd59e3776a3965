import { DateTime } from 'luxon';
import { periodWindow } from '../usage/period.js';
import type { JobScheduler } from '../usage/ports.js';

export const CLOSE_JOB = 'billing.close';
export const STRIPE_SYNC_JOB = 'billing.stripe_sync';
/** Daily: makes sure every billed tenant has its month-end close job (a tenant or zone may be new). */
export const SCHEDULE_SWEEP_JOB = 'billing.schedule_sweep';
/** The sweep runs shortly after midnight UTC. */
const SWEEP_AFTER_MIDNIGHT_MS = 5 * 60_000;
/** After month end in the tenant's zone; status callbacks of the last calls arrive meanwhile. */
export const CLOSE_GRACE_MS = 15 * 60_000;
/** A Stripe sync that failed inside a close is retried by the job mechanism, with its backoff. */
const STRIPE_RETRY_DELAY_MS = 60_000;

/** Month-end closes through the job port: one job per tenant and period (its dedupe key). */
export class CloseScheduler {
  readonly #jobs: JobScheduler | undefined;
  constructor(jobs: JobScheduler | undefined) {
    this.#jobs = jobs;
  }

  async scheduleClose(tenantId: string, zone: string, period: string): Promise<void> {
    if (!this.#jobs) return;
    const runAt = new Date(periodWindow(period, zone).to.getTime() + CLOSE_GRACE_MS);
    await this.#jobs.enqueue(CLOSE_JOB, { tenant_id: tenantId, period }, { runAt, dedupeKey: `${CLOSE_JOB}:${tenantId}:${period}` });
  }

  /** Tomorrow's sweep (UTC), one per day whichever instance enqueues it. */
  async scheduleSweep(now: Date): Promise<void> {
    if (!this.#jobs) return;
    const day = DateTime.fromJSDate(now, { zone: 'UTC' }).startOf('day').plus({ days: 1 });
    const runAt = new Date(day.toMillis() + SWEEP_AFTER_MIDNIGHT_MS);
    await this.#jobs.enqueue(SCHEDULE_SWEEP_JOB, {}, { runAt, dedupeKey: `${SCHEDULE_SWEEP_JOB}:${day.toFormat('yyyy-MM-dd')}` });
  }

  async scheduleStripeSync(invoiceId: string, now: Date): Promise<void> {
    if (!this.#jobs) return;
    await this.#jobs.enqueue(STRIPE_SYNC_JOB, { invoice_id: invoiceId }, { runAt: new Date(now.getTime() + STRIPE_RETRY_DELAY_MS), dedupeKey: `${STRIPE_SYNC_JOB}:${invoiceId}` });
  }
}
