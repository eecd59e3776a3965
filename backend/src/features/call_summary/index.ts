import type { FeatureModule } from '../types.js';
import { SUMMARY_QUEUE } from './events.js';
import { summarizeJob } from './job.js';
import { manifest } from './manifest.js';
import { migrations } from './migrations.js';
import { callSummariesProjection, summaryReactors } from './projection.js';

export const feature: FeatureModule = {
  manifest,
  migrations,
  projections: () => [callSummariesProjection],
  reactors: summaryReactors,
  jobs: (ports) => ({ [SUMMARY_QUEUE]: summarizeJob(ports) }),
};
