import { TenantProfile } from '@vozlia/contract';
import type { ApiClient } from '@/lib/api/api-client';
import { tenantPath } from '@/lib/api/api-client';
import { tenantQuery } from '@/lib/query/tenant-query';

export const profileQuery = (api: ApiClient, tenantId: string) =>
  tenantQuery(api, tenantId, ['profile'], (api, signal) => api.get(tenantPath(tenantId, 'profile'), TenantProfile, undefined, signal));
