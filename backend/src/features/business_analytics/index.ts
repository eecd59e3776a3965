import { analyticsAuditProjection } from '../../analytics/audit.js';
import { skillsProjection } from '../../analytics/skills/skills-projection.js';
import type { FeatureModule } from '../types.js';
import { skillJobs } from './jobs.js';
import { manifest } from './manifest.js';
import { migrations } from './migrations/index.js';
import { skillReactors } from './reactors.js';
import { routes } from './routes.js';
import { queryBusinessMetricsTool, runSavedSkillTool } from './tools.js';

export const feature: FeatureModule = {
  manifest,
  migrations,
  projections: [analyticsAuditProjection, skillsProjection],
  reactors: skillReactors,
  tools: [queryBusinessMetricsTool, runSavedSkillTool],
  jobs: skillJobs,
  routes,
};
