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
import { mount, type Mount } from '../server/mount.js';
import { billingAppender, tenantDirectory, usageEventSource } from './billing-ports.js';
import type { Core } from './core.js';

export interface ComposedBilling {
  billing: Billing;
  /** Usage, plans, close, invoices, CSV export: behind the admin guard. */
  adminMounts: Mount[];
  /** The owner's own usage and invoices: inside the tenant scope, behind the gate. */
  tenantMounts: Mount[];
  /** `POST /stripe/webhook`: at the root, outside CSRF and sessions (its signature is the check). */
  rootMounts: Mount[];
}

/**
 * Usage metering and billing (control_plane/src/usage, control_plane/src/billing) over this
 * runtime's database, event store, job queue and config. Stripe is on when STRIPE_SECRET_KEY is set.
 */
export function composeBilling(core: Core): ComposedBilling {
  const { config } = core;
  const billing = createBilling({
    // Billing's tables are part of this database (billingMigrations); Kysely's handle types are invariant.
    db: core.db as unknown as Kysely<BillingDatabase>,
    events: usageEventSource(core.db),
    tenants: tenantDirectory(core.tenants),
    appender: billingAppender(core.events),
    jobs: core.jobs,
    stripe: config.stripe.secretKey ? { secretKey: config.stripe.secretKey, apiBase: config.stripe.apiBase } : null,
    ...(config.stripe.webhookSecret ? { webhookSecret: config.stripe.webhookSecret } : {}),
    clock: core.clock,
    log: core.log,
    ...(config.billingSettleMs !== undefined ? { settleMs: config.billingSettleMs } : {}),
  });
  const routes = { plans: billing.plans, close: billing.close, store: billing.store, tenants: billing.tenants };
  return {
    billing,
    adminMounts: [mount(usageAdminRoutes, { usage: billing.usage }), mount(billingAdminRoutes, routes)],
    tenantMounts: [mount(usageTenantRoutes, { usage: billing.usage }), mount(billingTenantRoutes, routes)],
    rootMounts: [mount(stripeWebhookRoutes, { webhook: billing.webhook })],
  };
}
