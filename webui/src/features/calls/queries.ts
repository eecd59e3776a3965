import { CallDetail, CallList, type CallListQuery } from '@vozlia/contract';
import { tenantPath, type ApiClient } from '@/lib/api/api-client';
import { tenantListQuery, tenantQuery } from '@/lib/query/tenant-query';

export type CallFilters = Omit<CallListQuery, 'cursor' | 'limit'>;
const PAGE_SIZE = 25;

export const callsQuery = (api: ApiClient, tenantId: string, filters: CallFilters) =>
  tenantListQuery(api, tenantId, ['calls', filters], (api, cursor, signal) => api.get(tenantPath(tenantId, 'calls'), CallList, { ...filters, cursor, limit: PAGE_SIZE }, signal));

export const callQuery = (api: ApiClient, tenantId: string, callSid: string) =>
  tenantQuery(api, tenantId, ['calls', 'detail', callSid], (api, signal) => api.get(tenantPath(tenantId, 'calls', callSid), CallDetail, undefined, signal));
