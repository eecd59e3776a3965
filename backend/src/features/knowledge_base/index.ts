import type { FeatureModule } from '../../features/types.js';
import { manifest } from './manifest.js';
import { migrations } from './migrations.js';
import { knowledgeBaseProjection } from './projection.js';
import { routes } from './routes.js';
import { seedDemo } from './seed.js';
import { searchKnowledgeBaseTool } from './tools.js';

export const feature: FeatureModule = {
  manifest,
  migrations,
  projections: [knowledgeBaseProjection],
  tools: [searchKnowledgeBaseTool],
  routes,
  seedDemo,
};
