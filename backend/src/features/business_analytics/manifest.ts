import type { FeatureManifest } from '../types.js';

export const manifest: FeatureManifest = {
  name: 'business_analytics',
  description: 'Owner analytics: QuerySpec → safe SQL over analytic views, audit trail, saved skills with schedules.',
  modes: ['owner'],
  ownerOnly: true,
  defaultEnabled: true,
};
