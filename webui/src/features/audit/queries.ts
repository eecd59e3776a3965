import { AuditDetail, AuditList, type AuditListQuery } from '@vozlia/contract';
import { tenantPath, type ApiClient } from '@/lib/api/api-client';
import { tenantListQuery, tenantQuery } from '@/lib/query/tenant-query';

export type AuditFilters = Omit<AuditListQuery, 'cursor' | 'limit'>;
const PAGE_SIZE = 50;

export const auditQuery = (api: ApiClient, tenantId: string, filters: AuditFilters) =>
  tenantListQuery(api, tenantId, ['audit', filters], (api, cursor, signal) => api.get(tenantPath(tenantId, 'audit'), AuditList, { ...filters, cursor, limit: PAGE_SIZE }, signal));

export const auditEntryQuery = (api: ApiClient, tenantId: string, auditId: string) =>
  tenantQuery(api, tenantId, ['audit', 'detail', auditId], (api, signal) => api.get(tenantPath(tenantId, 'audit', auditId), AuditDetail, undefined, signal));

/** Who asked, in words: "You, in the portal", "Caller, by phone", "Schedule". */
export function askedBy(entry: { source: string; actor_mode: string }): string {
  if (entry.source === 'schedule') return 'Schedule';
  const who = entry.actor_mode === 'owner' ? 'Owner' : entry.actor_mode === 'client' ? 'Caller' : 'System';
  return `${who}, ${entry.source === 'portal' ? 'in the portal' : 'by phone'}`;
}
