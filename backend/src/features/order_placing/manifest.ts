import type { FeatureManifest } from '../../features/types.js';

export const manifest: FeatureManifest = {
  name: 'order_placing',
  description: 'Restaurant phone orders: menu, validation and pricing, order.placed → orders projection.',
  modes: ['client'],
  ownerOnly: false,
  defaultEnabled: true,
  verticals: ['restaurant'],
};
