import type { Migration } from 'kysely';
import * as tenantStatus from './2026_12_02_301_tenant_status.js';

/** Tenancy's migrations after the frozen core ones (static record, bundling-safe). */
export const tenancyMigrations: Record<string, Migration> = {
  '2026_12_02_301_tenant_status': tenantStatus,
};
