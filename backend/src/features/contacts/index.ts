import type { FeatureModule } from '../../features/types.js';
import { manifest } from './manifest.js';
import { migrations } from './migrations.js';
import { contactsProjection, ownerContactsProjection } from './projection.js';
import { routes } from './routes.js';
import { seedDemo } from './seed.js';

export const feature: FeatureModule = { manifest, migrations, projections: [contactsProjection, ownerContactsProjection], routes, seedDemo };
