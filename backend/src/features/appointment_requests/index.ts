import type { FeatureModule } from '../../features/types.js';
import { manifest } from './manifest.js';
import { migrations } from './migrations.js';
import { appointmentsProjection, catalogProjection } from './projection.js';
import { routes } from './routes.js';
import { seedDemo } from './seed.js';
import { requestAppointmentTool } from './tools.js';

export const feature: FeatureModule = {
  manifest,
  migrations,
  projections: [catalogProjection, appointmentsProjection],
  tools: [requestAppointmentTool],
  routes,
  seedDemo,
};
