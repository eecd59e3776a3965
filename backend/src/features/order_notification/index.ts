import type { FeatureModule } from '../../features/types.js';
import { manifest } from './manifest.js';

/** No tools or tables: the notifications engine asks the feature switches whether it may confirm to callers (compose/notification-audience.ts). */
export const feature: FeatureModule = { manifest };
