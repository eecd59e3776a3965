import { InvoiceList, UsageStatement } from '@vozlia/contract';
import { tenantPath, type ApiClient } from '@/lib/api/api-client';
import { tenantQuery } from '@/lib/query/tenant-query';

/** The owner's own usage and invoices (tenant API). */
export const usageQuery = (api: ApiClient, tenantId: string, period: string) =>
  tenantQuery(api, tenantId, ['usage', period], (api, signal) => api.get(tenantPath(tenantId, 'usage'), UsageStatement, { period }, signal));
export const invoicesQuery = (api: ApiClient, tenantId: string) =>
  tenantQuery(api, tenantId, ['invoices'], (api, signal) => api.get(tenantPath(tenantId, 'invoices'), InvoiceList, undefined, signal));

/** The same figures for any tenant, through the admin API (contract §8). */
const admin = (tenantId: string, what: string) => `/api/admin/tenants/${encodeURIComponent(tenantId)}/${what}`;
export const adminUsageQuery = (api: ApiClient, tenantId: string, period: string) =>
  tenantQuery(api, tenantId, ['admin', 'usage', period], (api, signal) => api.get(admin(tenantId, 'usage'), UsageStatement, { period }, signal));
export const adminInvoicesQuery = (api: ApiClient, tenantId: string) =>
  tenantQuery(api, tenantId, ['admin', 'invoices'], (api, signal) => api.get(admin(tenantId, 'invoices'), InvoiceList, undefined, signal));
