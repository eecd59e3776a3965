import type { Config } from '../config/load-config.js';
import type { FeatureRegistry } from '../features/registry.js';
import type { Audience } from '../notifications/index.js';
import { resolveFeature } from '../policy/feature-resolution.js';
import type { ActorMode } from '../policy/modes.js';

/** The caller's confirmations (client side). */
export const CUSTOMER_NOTIFICATIONS = 'order_notification';
/** Everything to the business (owner side). */
export const OWNER_NOTIFICATIONS = 'owner_notification';

/**
 * Whose messages a tenant's notifications may go to, from the two notification features resolved
 * like any feature (kill switch, declared modes, per-tenant exceptions). A side whose feature is
 * not loaded tells nobody: fail-closed, as for tools.
 */
export function notificationAudience(registry: FeatureRegistry, switches: Config['features']): (tenantId: string) => Audience {
  const side = (name: string, mode: ActorMode) => {
    const feature = registry.features.find((f) => f.manifest.name === name);
    return (tenantId: string) => feature !== undefined && resolveFeature(feature.manifest, tenantId, mode, switches).allowed;
  };
  const owner = side(OWNER_NOTIFICATIONS, 'owner');
  const customer = side(CUSTOMER_NOTIFICATIONS, 'client');
  return (tenantId) => ({ owner: owner(tenantId), customer: customer(tenantId) });
}
