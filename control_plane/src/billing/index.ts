export { createBilling, type Billing, type BillingDeps } from './create-billing.js';
export { billingMigrations } from './migrations/index.js';
export type { BillingDatabase } from './tables.js';
export { billingAdminRoutes, billingTenantRoutes } from './routes.js';
export { stripeWebhookRoutes } from './stripe-webhook-routes.js';
export { DEFAULT_STRIPE_API_BASE, type StripeSettings } from './stripe-client.js';
export { CLOSE_JOB, SCHEDULE_SWEEP_JOB, STRIPE_SYNC_JOB } from './close-schedule.js';
