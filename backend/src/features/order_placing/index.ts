import type { FeatureModule } from '../../features/types.js';
import { manifest } from './manifest.js';
import { migrations } from './migrations.js';
import { menuProjection, ordersProjection } from './projection.js';
import { routes } from './routes.js';
import { seedDemo } from './seed.js';
import { placeOrderTool } from './tools.js';

export const feature: FeatureModule = {
  manifest,
  migrations,
  projections: [menuProjection, ordersProjection],
  tools: [placeOrderTool],
  routes,
  seedDemo,
};
