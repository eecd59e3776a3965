import { twilioSmsRoutes } from '../notifications/index.js';
import { adminRoutes } from '../server/admin-routes.js';
import { mount, type Mount } from '../server/mount.js';
import type { CallPath } from './call-path.js';
import type { Core } from './core.js';

/** The app's route groups in order: operator views, the phone path, Twilio's SMS webhooks, each feature's portal API. */
export function appMounts(core: Core, callPath: CallPath): Mount[] {
  const features = core.registry.features.flatMap((f) =>
    f.routes ? [mount(f.routes, { prefix: `/api/features/${f.manifest.name}`, ports: core.portsOf(f) })] : [],
  );
  return [
    mount(adminRoutes, { config: core.config, registry: core.registry, tenants: core.tenants }),
    ...callPath.mounts,
    // Inbound STOP/START and delivery reports, signed like every Twilio webhook.
    mount(twilioSmsRoutes, core.notifications.routeOptions(core.events)),
    ...features,
  ];
}
