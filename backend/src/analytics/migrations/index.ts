import type { Migration } from 'kysely';
import * as tables from './2026_11_25_170_business_analytics.js';
import * as views from './2026_11_25_900_analytics_views.js';
import * as callOutcomes from './2026_12_02_900_analytics_call_outcomes.js';

/**
 * Analytics' own tables (audit trail, saved skills) and the views over the features'
 * projections. Names kept from when the business_analytics feature carried them (they are
 * recorded in every database). A static record (bundling-safe); the views run after every
 * feature's 1xx table migration.
 */
export const analyticsMigrations: Record<string, Migration> = {
  '2026_11_25_170_business_analytics': tables,
  '2026_11_25_900_analytics_views': views,
  '2026_12_02_900_analytics_call_outcomes': callOutcomes,
};
