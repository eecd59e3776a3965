import type { FeatureManifest } from '../../features/types.js';
import { CLIENT_PROTOCOL } from './protocol.js';

export const manifest: FeatureManifest = {
  name: 'customer_greeting',
  description: 'Default client-mode greeting and instructions per vertical (protocol.ts: clientInstructions, clientGreeting).',
  modes: ['client'],
  ownerOnly: false,
  defaultEnabled: true,
  // Merged by policy/mode-policy.ts after the per-vertical defaults ({business} is filled there).
  prompt: { client: { instructions: CLIENT_PROTOCOL } },
};
