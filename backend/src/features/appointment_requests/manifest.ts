import type { FeatureManifest } from '../../features/types.js';

export const manifest: FeatureManifest = {
  name: 'appointment_requests',
  description: 'Barbershop appointment requests: services, staff, hours, availability with alternatives → appointments projection.',
  modes: ['client'],
  ownerOnly: false,
  defaultEnabled: true,
  verticals: ['barbershop'],
};
