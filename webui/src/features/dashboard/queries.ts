import { Dashboard, DASHBOARD_DAYS_DEFAULT } from '@vozlia/contract';
import { tenantPath, type ApiClient } from '@/lib/api/api-client';
import { tenantQuery } from '@/lib/query/tenant-query';

export const dashboardQuery = (api: ApiClient, tenantId: string, days = DASHBOARD_DAYS_DEFAULT) =>
  tenantQuery(api, tenantId, ['dashboard', { days }], (api, signal) => api.get(tenantPath(tenantId, 'dashboard'), Dashboard, { days }, signal));
