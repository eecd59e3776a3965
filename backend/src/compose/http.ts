import { accessCodeAdminRoutes, accessCodeTenantRoutes, OWNER_ONLY, settingsRoutes, tenantAdminRoutes } from '@vozlia/control-plane';
import type { FastifyRequest } from 'fastify';
import { CallLog } from '../calls/call-log.js';
import { callLogRoutes } from '../calls/call-log-routes.js';
import { notificationTenantRoutes, twilioSmsRoutes } from '../notifications/index.js';
import { adminAccess, adminFacts } from '../server/admin-auth.js';
import { adminRoutes } from '../server/admin-routes.js';
import { mount, scope, type Mount } from '../server/mount.js';
import { tenantFeaturesRoutes } from '../server/tenant-features-routes.js';
import { tenantProfileRoutes } from '../server/tenant-profile-routes.js';
import { billingAdminMounts, billingTenantMounts, stripeWebhookMount } from './billing.js';
import type { CallPath } from './call-path.js';
import type { Core } from './core.js';

/** Contract §7: every route under it runs behind the tenant gate (session or admin × tenant × role). */
export const TENANT_PREFIX = '/api/tenants/:tenant_id';
/** Contract §7: every route under it answers the admin only (server/app.ts guards the prefix). */
export const ADMIN_PREFIX = '/api/admin';

/**
 * Route groups of the tenant API, paths relative to `/api/tenants/:tenant_id`; the handler takes
 * the tenant from `req.params.tenant_id` (already checked) and `req.principal`. Owner-only routes
 * say `config: { roles: OWNER_ONLY }`. Add one line per group.
 */
function tenantMounts(core: Core, callPath: CallPath): Mount[] {
  const features = core.registry.features.flatMap((f) => (f.routes ? [mount(f.routes, { ports: core.portsOf(f) })] : []));
  const manifests = core.registry.features.map((f) => f.manifest);
  return [
    mount(tenantProfileRoutes, { config: core.config, manifests, tenants: core.tenants }),
    mount(tenantFeaturesRoutes, { config: core.config, manifests, tenants: core.tenants }),
    mount(callLogRoutes, { log: new CallLog(core.db), reads: core.reads }),
    mount(settingsRoutes, { tenants: core.tenantAdmin }),
    mount(accessCodeTenantRoutes, { codes: callPath.accessCodes }),
    ...billingTenantMounts(core.billing),
    mount(notificationTenantRoutes, { ...core.notifications.routeOptions(core.events), settingsRoles: OWNER_ONLY }),
    ...features,
  ];
}

/** Route groups of the admin API, paths relative to `/api/admin`. Add one line per group. */
function adminMounts(core: Core, callPath: CallPath): Mount[] {
  const isAdmin = (req: FastifyRequest) => adminAccess(core.config.adminToken, adminFacts(req)) === 'allowed';
  return [
    mount(adminRoutes, { config: core.config, registry: core.registry }),
    mount(tenantAdminRoutes, { tenants: core.tenantAdmin, isAdmin }),
    mount(accessCodeAdminRoutes, { codes: callPath.accessCodes, tenants: core.tenantAdmin, isAdmin }),
    ...billingAdminMounts(core.billing),
  ];
}

/**
 * The app's route groups in order: accounts at the root (cookies, CSRF, `/api/auth/*`, the admin's
 * owner routes), the admin API, the tenant API behind its gate, the phone path, Stripe's and
 * Twilio's SMS webhooks.
 */
export function appMounts(core: Core, callPath: CallPath): Mount[] {
  return [
    mount(core.accounts.plugin, {}),
    scope(ADMIN_PREFIX, adminMounts(core, callPath)),
    scope(TENANT_PREFIX, [mount(core.accounts.tenantGate, {}), ...tenantMounts(core, callPath)]),
    ...callPath.mounts,
    stripeWebhookMount(core.billing),
    // Inbound STOP/START and delivery reports, signed like every Twilio webhook.
    mount(twilioSmsRoutes, core.notifications.routeOptions(core.events)),
  ];
}
