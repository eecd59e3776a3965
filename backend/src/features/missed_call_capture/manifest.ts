import type { FeatureManifest } from '../../features/types.js';

export const manifest: FeatureManifest = {
  name: 'missed_call_capture',
  description: 'Missed calls with the caller number, and the owner notifications queue (notification.queued → notifications).',
  modes: ['client', 'owner'],
  ownerOnly: false,
  defaultEnabled: true,
};
