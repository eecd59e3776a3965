import type { TenantSettingsValue } from '@vozlia/contract';
import type { Tenant } from './tenant.js';

/** Events of the `tenant` stream (stream id = tenant id). */
export const TENANT_CREATED = 'tenant.created';
export const TENANT_UPDATED = 'tenant.updated';
export const TENANT_SUSPENDED = 'tenant.suspended';
export const TENANT_RESUMED = 'tenant.resumed';
/** The tenant is gone for calls, sign-in and the API; its history stays (unless purged). */
export const TENANT_DELETED = 'tenant.deleted';
/** The owner's settings, whole (contract `TenantSettingsInput`), replacing the previous ones. */
export const TENANT_SETTINGS_CHANGED = 'tenant.settings_changed';

export type TenantCreated = Omit<Tenant, 'id' | 'status'> & { tenantId: string };
export type TenantUpdated = Partial<Omit<Tenant, 'id' | 'status'>> & { tenantId: string };
export interface TenantStatusChanged {
  tenantId: string;
  /** Who did it (`admin`, …); never a person's details. */
  by: string;
}
export type TenantSettingsChanged = { tenantId: string; settings: TenantSettingsValue };

export const tenantStream = (tenantId: string) => ({ type: 'tenant', id: tenantId });
