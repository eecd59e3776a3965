import type { Migration } from 'kysely';
import * as accounts from './2026_12_01_101_accounts.js';

/** The accounts migrations, a static record the backend's migrator runs with the core ones. */
export const accountsMigrations: Record<string, Migration> = {
  '2026_12_01_101_accounts': accounts,
};
