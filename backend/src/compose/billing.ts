import {
  billingAdminRoutes,
  billingTenantRoutes,
  createBilling,
  stripeWebhookRoutes,
  usageAdminRoutes,
  usageTenantRoutes,
  type Billing,
  type BillingDatabase,
} from '@vozlia/control-plane';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config/load-config.js';
import type { Clock } from '../features/types.js';
import { mount, type Mount } from '../server/mount.js';
import type { EventStore } from '../storage/event-store.js';
import type { JobQueue } from '../storage/jobs.js';
import type { Database } from '../storage/schema.js';
import type { TenantRepository } from '../tenancy/tenant-repository.js';
import { billingAppender, tenantDirectory, usageEventSource } from './billing-ports.js';

export interface BillingWiring {
  /** The runtime's database; it holds billing's tables (compose/migrations.ts). */
  db: Kysely<Database>;
  config: Config;
  log: Logger;
  clock: Clock;
  events: EventStore;
  jobs: JobQueue;
  tenants: TenantRepository;
}

/**
 * Usage metering and billing (control_plane/src/usage, control_plane/src/billing, contract §8)
 * over the runtime's events, tenants, job queue and config. Stripe is on when STRIPE_SECRET_KEY
 * is set; its requests go to STRIPE_API_BASE.
 */
export function composeBilling(w: BillingWiring): Billing {
  const { config } = w;
  return createBilling({
    // Kysely's handle types are invariant: the same database, seen with billing's tables.
    db: w.db as unknown as Kysely<BillingDatabase>,
    events: usageEventSource(w.db),
    tenants: tenantDirectory(w.tenants),
    appender: billingAppender(w.events),
    jobs: w.jobs,
    stripe: config.stripe.secretKey ? { secretKey: config.stripe.secretKey, apiBase: config.stripe.apiBase } : null,
    ...(config.stripe.webhookSecret ? { webhookSecret: config.stripe.webhookSecret } : {}),
    clock: w.clock,
    log: w.log,
    ...(config.billingSettleMs !== undefined ? { settleMs: config.billingSettleMs } : {}),
  });
}

const routeDeps = (b: Billing) => ({ plans: b.plans, close: b.close, store: b.store, tenants: b.tenants });

/** Under `/api/admin`: usage, plans, close, invoices, the CSV export. */
export const billingAdminMounts = (b: Billing): Mount[] => [mount(usageAdminRoutes, { usage: b.usage }), mount(billingAdminRoutes, routeDeps(b))];

/** Under `/api/tenants/:tenant_id`, behind the gate: the owner's own usage and invoices. */
export const billingTenantMounts = (b: Billing): Mount[] => [mount(usageTenantRoutes, { usage: b.usage }), mount(billingTenantRoutes, routeDeps(b))];

/** `POST /stripe/webhook` at the root: outside sessions and CSRF, its signature is the check. */
export const stripeWebhookMount = (b: Billing): Mount => mount(stripeWebhookRoutes, { webhook: b.webhook });
