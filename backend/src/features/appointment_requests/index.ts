import type { FeatureModule } from '../types.js';
import { manifest } from './manifest.js';
import { migrations } from './migrations.js';
import { appointmentsProjection, catalogProjection } from './projection.js';
import { routes } from './routes.js';
import { AppointmentStore } from './store.js';
import { requestAppointmentTool } from './tools.js';

export const feature: FeatureModule<AppointmentStore> = {
  manifest,
  migrations,
  projections: () => [catalogProjection, appointmentsProjection],
  store: (deps) => new AppointmentStore(deps),
  tools: [requestAppointmentTool],
  routes,
};
