import type { FeatureModule } from '../../features/types.js';
import { NOTIFY_QUEUE } from './events.js';
import { manifest } from './manifest.js';
import { migrations } from './migrations.js';
import { notifyJob } from './notify.js';
import { missedCallReactors, missedCallsProjection, notificationsProjection } from './projection.js';
import { routes } from './routes.js';
import { seedDemo } from './seed.js';

export const feature: FeatureModule = {
  manifest,
  migrations,
  projections: [missedCallsProjection, notificationsProjection],
  reactors: missedCallReactors,
  jobs: (ports) => ({ [NOTIFY_QUEUE]: notifyJob(ports) }),
  routes,
  seedDemo,
};
