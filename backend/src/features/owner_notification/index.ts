import type { FeatureModule } from '../../features/types.js';
import { manifest } from './manifest.js';

/** No tools or tables: the notifications engine asks the feature switches whether it may tell the business (compose/notification-audience.ts). */
export const feature: FeatureModule = { manifest };
