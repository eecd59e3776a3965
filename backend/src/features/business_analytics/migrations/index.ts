import type { Migration } from 'kysely';
import * as tables from './2026_11_25_170_business_analytics.js';
import * as views from './2026_11_25_900_analytics_views.js';

/** Static record (bundling-safe). The views run after every feature's 1xx table migration. */
export const migrations: Record<string, Migration> = {
  '2026_11_25_170_business_analytics': tables,
  '2026_11_25_900_analytics_views': views,
};
