import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { BillingEventAppender, Clock, JobScheduler, Log, TenantDirectory, UsageEventSource } from '../usage/ports.js';
import { periodOf } from '../usage/period.js';
import { UsageService } from '../usage/usage-service.js';
import { CLOSE_JOB, CloseScheduler, SCHEDULE_SWEEP_JOB, STRIPE_SYNC_JOB } from './close-schedule.js';
import { InvoiceStore } from './invoice-store.js';
import { PeriodClose } from './period-close.js';
import { PlanBook } from './plan-book.js';
import { createStripeClient, type StripeSettings } from './stripe-client.js';
import { StripeInvoiceSync } from './stripe-sync.js';
import { StripeWebhookHandler } from './stripe-webhook.js';
import type { BillingDatabase } from './tables.js';

export interface BillingDeps {
  /** A Kysely handle whose database has billing's tables (billingMigrations applied). */
  db: Kysely<BillingDatabase>;
  events: UsageEventSource;
  tenants: TenantDirectory;
  appender: BillingEventAppender;
  /** The job mechanism; without it nothing is scheduled (closes run on request only). */
  jobs?: JobScheduler;
  /** From STRIPE_SECRET_KEY / STRIPE_API_BASE; null or absent: invoices stay local. */
  stripe?: StripeSettings | null;
  /** STRIPE_WEBHOOK_SECRET. */
  webhookSecret?: string;
  clock?: Clock;
  log: Log;
  settleMs?: number;
}

export type JobHandler = (payload: Record<string, unknown>) => Promise<void>;

const CloseJobPayload = z.object({ tenant_id: z.string(), period: z.string() });
const SyncJobPayload = z.object({ invoice_id: z.string() });

/** Everything billing is, built from its ports: services for the routes, and job handlers. */
export function createBilling(deps: BillingDeps) {
  const clock = deps.clock ?? (() => new Date());
  const store = new InvoiceStore(deps.db);
  const schedule = new CloseScheduler(deps.jobs);
  const usage = new UsageService({ events: deps.events, tenants: deps.tenants });
  const plans = new PlanBook({ events: deps.events, appender: deps.appender, tenants: deps.tenants, store, clock, schedule });
  const stripe = deps.stripe ? new StripeInvoiceSync({ stripe: createStripeClient(deps.stripe), store, clock, log: deps.log }) : null;
  const close = new PeriodClose({ ...deps, store, plans, schedule, stripe, clock });
  const webhook = new StripeWebhookHandler({ db: deps.db, secret: deps.webhookSecret, appender: deps.appender, clock, log: deps.log });
  /**
   * Month-end closes for every tenant with a plan: its current period's close job (one per
   * tenant and period, whoever enqueues it), and tomorrow's sweep, which repeats this for
   * tenants and plans that appear meanwhile. Run at start and by the sweep job.
   */
  async function scheduleMonthEnds(): Promise<number> {
    const now = clock();
    let scheduled = 0;
    for (const tenantId of await deps.tenants.listTenants()) {
      const zone = await deps.tenants.tenantZone(tenantId);
      if (!zone || (await plans.planEvents(tenantId)).length === 0) continue;
      await schedule.scheduleClose(tenantId, zone, periodOf(now, zone));
      scheduled++;
    }
    await schedule.scheduleSweep(now);
    return scheduled;
  }
  const jobHandlers: Record<string, JobHandler> = {
    // Month end in the tenant's zone: close it (a no-op when someone already did), then the
    // close schedules the next month.
    [CLOSE_JOB]: async (payload) => {
      const p = CloseJobPayload.parse(payload);
      await close.closeTenant(p.tenant_id, p.period, false);
    },
    [STRIPE_SYNC_JOB]: async (payload) => close.syncToStripe(SyncJobPayload.parse(payload).invoice_id),
    [SCHEDULE_SWEEP_JOB]: async () => void (await scheduleMonthEnds()),
  };
  return { usage, plans, close, store, webhook, jobHandlers, scheduleMonthEnds, tenants: deps.tenants };
}

export type Billing = ReturnType<typeof createBilling>;
