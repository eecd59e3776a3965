import type { FeatureManifest } from '../../features/types.js';

export const manifest: FeatureManifest = {
  name: 'contacts',
  description: 'Customers per tenant keyed by phone (from calls, orders, appointments) and owner contacts with notification preferences.',
  modes: ['client', 'owner'],
  ownerOnly: false,
  defaultEnabled: true,
};
