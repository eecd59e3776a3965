import type { FeatureModule } from '../types.js';
import { NOTIFY_QUEUE } from './events.js';
import { manifest } from './manifest.js';
import { migrations } from './migrations.js';
import { notifyJob } from './notify.js';
import { missedCallReactors, missedCallsProjection, notificationsProjection } from './projection.js';
import { routes } from './routes.js';
import { MissedCallStore } from './store.js';

export const feature: FeatureModule<MissedCallStore> = {
  manifest,
  migrations,
  projections: ({ reads }) => [missedCallsProjection(reads), notificationsProjection],
  reactors: missedCallReactors,
  store: ({ db }) => new MissedCallStore(db),
  jobs: (ports) => ({ [NOTIFY_QUEUE]: notifyJob(ports) }),
  routes,
};
