import type { Generated, Selectable } from 'kysely';
import type { Json, Timestamp } from '../storage/schema.js';

// Created by the frozen migrations 2026_11_25_001_foundation (tenants, numbers) and
// 2026_11_25_002_phone_entry (access codes), in storage/migrations/; `tenants.status` by
// tenancy/migrations/2026_12_02_301_tenant_status.

export interface TenantsTable {
  id: string;
  display_name: string;
  vertical: string;
  time_zone: string;
  phone_numbers: string[];
  /** The owner's settings (contract `TenantSettingsInput`), or older free-form data. */
  settings: Json<Record<string, unknown>>;
  /** `active` or `suspended`. */
  status: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TenantPhoneNumbersTable {
  phone_number: string;
  tenant_id: string;
}

/** Keyed hashes only: a dump never reveals a code. */
export interface AccessCodesTable {
  code_hash: string;
  tenant_id: string;
  actor_mode: string;
  source: string;
  /** `active`, `revoked`, or `conflict` (issued twice with different meanings: refused). */
  status: Generated<string>;
  issued_at: Timestamp;
  updated_at: Timestamp;
}

export type TenantRow = Selectable<TenantsTable>;

declare module '../storage/schema.js' {
  interface Database {
    tenants: TenantsTable;
    tenant_phone_numbers: TenantPhoneNumbersTable;
    access_codes: AccessCodesTable;
  }
}
