import type { FeatureModule } from '../types.js';
import { skillJobs } from './jobs.js';
import { manifest } from './manifest.js';
import { skillReactors } from './reactors.js';
import { routes } from './routes.js';
import { queryBusinessMetricsTool, runSavedSkillTool } from './tools.js';

/**
 * The owner's face of the core's analytics engine (the `analytics` port): its tools, portal API
 * and skill schedules. Analytics owns the tables, views and audit trail (analytics/).
 */
export const feature: FeatureModule = {
  manifest,
  reactors: skillReactors,
  tools: [queryBusinessMetricsTool, runSavedSkillTool],
  jobs: skillJobs,
  routes,
};
