import type { FeatureManifest } from '../../features/types.js';

export const manifest: FeatureManifest = {
  name: 'call_summary',
  description: 'After a call, a job writes call.summarized (OpenAI text model with a key, else a deterministic summary).',
  modes: ['client', 'owner'],
  ownerOnly: false,
  defaultEnabled: true,
};
