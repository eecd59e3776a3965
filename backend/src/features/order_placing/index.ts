import type { FeatureModule } from '../types.js';
import { manifest } from './manifest.js';
import { migrations } from './migrations.js';
import { menuProjection, ordersProjection } from './projection.js';
import { routes } from './routes.js';
import { OrderStore } from './store.js';
import { placeOrderTool } from './tools.js';

export const feature: FeatureModule<OrderStore> = {
  manifest,
  migrations,
  projections: () => [menuProjection, ordersProjection],
  store: ({ db }) => new OrderStore(db),
  tools: [placeOrderTool],
  routes,
};
