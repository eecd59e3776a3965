import type { FeatureManifest } from '../../features/types.js';

export const manifest: FeatureManifest = {
  name: 'knowledge_base',
  description: 'Per-tenant knowledge base: documents → passages, PostgreSQL full-text search (search_knowledge_base).',
  modes: ['client', 'owner'],
  ownerOnly: false,
  defaultEnabled: true,
};
