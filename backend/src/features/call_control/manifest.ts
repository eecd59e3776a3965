import type { FeatureManifest } from '../types.js';

export const manifest: FeatureManifest = {
  name: 'call_control',
  description: 'Transfer to a person (message when nobody answers), end the call after the last words, and the owner told about a message.',
  modes: ['client', 'owner'],
  ownerOnly: false,
  defaultEnabled: true,
  prompt: {
    client: {
      instructions:
        'If the caller asks for a person, or you cannot help, call transfer_call with a short reason (never read it back with private details). ' +
        'When the conversation is finished and the caller has said goodbye, call end_call. Before either, say one short line (the handoff or the goodbye); nothing after it.',
    },
    owner: {
      instructions: 'If the owner asks to be put through to the business line, call transfer_call. When they are done, call end_call after a one-line goodbye.',
    },
  },
};
