import type { FeatureModule } from '../types.js';
import { manifest } from './manifest.js';
import { migrations } from './migrations.js';
import { contactsProjection, ownerContactsProjection } from './projection.js';
import { routes } from './routes.js';
import { ContactStore } from './store.js';

export const feature: FeatureModule<ContactStore> = {
  manifest,
  migrations,
  projections: ({ reads }) => [contactsProjection(reads), ownerContactsProjection],
  store: ({ db }) => new ContactStore(db),
  routes,
};
