import type { FeatureModule } from '../../features/types.js';
import { manifest } from './manifest.js';

/** No tools or tables: the protocol is consumed by the mode policy through protocol.ts. */
export const feature: FeatureModule = { manifest };
