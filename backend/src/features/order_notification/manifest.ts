import type { FeatureManifest } from '../../features/types.js';

export const manifest: FeatureManifest = {
  name: 'order_notification',
  description:
    "The caller's confirmation SMS of an order or appointment placed on the call (client side of notifications/). " +
    'VOZ_FEATURE_ORDER_NOTIFICATION=0 stops them everywhere; a tenant whose modes exclude client gets none.',
  modes: ['client'],
  ownerOnly: false,
  defaultEnabled: true,
};
