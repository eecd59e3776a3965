import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '@/lib/api/api-client';
import { AdminFeatureList, Tenant, TenantList, type CreateTenantRequest } from '@vozlia/contract';

const tenants = '/api/admin/tenants';
const one = (id: string, ...rest: string[]) => [tenants, encodeURIComponent(id), ...rest].join('/');

export const adminKey = ['admin'] as const;

export const adminTenantsQuery = (api: ApiClient) => queryOptions({ queryKey: [...adminKey, 'tenants'], queryFn: ({ signal }) => api.get(tenants, TenantList, undefined, signal) });
export const adminFeaturesQuery = (api: ApiClient) => queryOptions({ queryKey: [...adminKey, 'features'], queryFn: ({ signal }) => api.get('/api/admin/features', AdminFeatureList, undefined, signal) });

export const createTenant = (api: ApiClient, body: CreateTenantRequest) => api.send('POST', tenants, body, Tenant);
export const setSuspended = (api: ApiClient, id: string, suspended: boolean) => api.send('POST', one(id, suspended ? 'suspend' : 'resume'), {}, null);
