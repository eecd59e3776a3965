import type { FeatureManifest } from '../../features/types.js';

export const manifest: FeatureManifest = {
  name: 'owner_notification',
  description:
    "Messages to the business: SMS, email and webhook about orders, appointments, missed calls, unanswered transfers and messages left, per the tenant's notification policies. " +
    'VOZ_FEATURE_OWNER_NOTIFICATION=0 stops them everywhere.',
  modes: ['owner'],
  ownerOnly: true,
  defaultEnabled: true,
};
