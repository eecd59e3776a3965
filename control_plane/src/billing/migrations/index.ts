import type { Migration } from 'kysely';
import { billing } from './2026_12_01_201_billing.js';

/** Billing's migrations; the backend's migrator runs them with the core and feature ones. */
export const billingMigrations: Record<string, Migration> = {
  '2026_12_01_201_billing': billing,
};
