export type { UsageEvent, UsageEventQuery, UsageEventSource, TenantDirectory, BillingEventAppender, JobScheduler, Clock, Log } from './ports.js';
export { UsageService } from './usage-service.js';
export { usageAdminRoutes, usageTenantRoutes } from './routes.js';
export { METERED_EVENT_TYPES } from './usage-events.js';
