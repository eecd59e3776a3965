import type { FeatureModule } from '../types.js';
import { manifest } from './manifest.js';
import { migrations } from './migrations.js';
import { knowledgeBaseProjection } from './projection.js';
import { routes } from './routes.js';
import { KnowledgeBaseStore } from './store.js';
import { searchKnowledgeBaseTool } from './tools.js';

export const feature: FeatureModule<KnowledgeBaseStore> = {
  manifest,
  migrations,
  projections: () => [knowledgeBaseProjection],
  store: ({ db }) => new KnowledgeBaseStore(db),
  tools: [searchKnowledgeBaseTool],
  routes,
};
