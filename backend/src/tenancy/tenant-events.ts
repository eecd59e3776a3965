import type { Tenant } from './tenant.js';

/** Events of the `tenant` stream (stream id = tenant id). */
export const TENANT_CREATED = 'tenant.created';
export const TENANT_UPDATED = 'tenant.updated';

export type TenantCreated = Omit<Tenant, 'id'> & { tenantId: string };
export type TenantUpdated = Partial<Omit<Tenant, 'id'>> & { tenantId: string };

export const tenantStream = (tenantId: string) => ({ type: 'tenant', id: tenantId });
