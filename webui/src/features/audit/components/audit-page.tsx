'use client';
import { useInfiniteQuery } from '@tanstack/react-query';
import { AuditOutcome, AuditSource } from '@vozlia/contract';
import Link from 'next/link';
import { useState } from 'react';
import { ListView } from '@/components/lists/list-view';
import { StatusFilter } from '@/components/lists/status-filter';
import { Table } from '@/components/lists/table';
import { PageHeader } from '@/components/ui/page-header';
import { StatusBadge } from '@/components/ui/status-badge';
import { useApi } from '@/lib/api/api-context';
import { formatInstant, formatMs } from '@/lib/format/dates';
import { useTenant } from '@/features/tenant/use-tenant';
import { askedBy, auditQuery, type AuditFilters } from '../queries';

const COLUMNS = [{ label: 'When' }, { label: 'Asked by' }, { label: 'Question' }, { label: 'Outcome' }, { label: 'Rows', num: true }, { label: 'Time', num: true }, { label: 'Details', hidden: true }];

export function AuditPage() {
  const api = useApi();
  const tenant = useTenant();
  const [filters, setFilters] = useState<AuditFilters>({});
  const query = useInfiniteQuery(auditQuery(api, tenant.tenantId, filters));
  return (
    <>
      <PageHeader title="Audit" description="Every question asked of your records — by you, by phone, or on a schedule — with the exact query that ran." />
      <form className="filters" role="search" aria-label="Filter the audit trail" onSubmit={(e) => e.preventDefault()}>
        <StatusFilter label="Source" options={AuditSource.options} value={filters.source} onChange={(source) => setFilters({ ...filters, source })} />
        <StatusFilter label="Outcome" options={AuditOutcome.options} value={filters.outcome} onChange={(outcome) => setFilters({ ...filters, outcome })} />
      </form>
      <ListView query={query} noun="entries" empty={{ title: 'Nothing in the audit trail yet', body: 'Questions about your business appear here as they are asked.' }}>
        {(entries) => (
          <Table caption="Audit trail, newest first" columns={COLUMNS}>
            {entries.map((e) => (
              <tr key={e.audit_id}>
                <td data-label="When" className="nowrap">
                  {formatInstant(e.occurred_at, tenant.zone)}
                </td>
                <td data-label="Asked by">{askedBy(e)}</td>
                <td data-label="Question">{e.question ?? <code>{e.tool}</code>}</td>
                <td data-label="Outcome">
                  <StatusBadge status={e.outcome} />
                </td>
                <td data-label="Rows" className="num">
                  {e.row_count ?? '—'}
                </td>
                <td data-label="Time" className="num">
                  {e.duration_ms === null ? '—' : formatMs(e.duration_ms)}
                </td>
                <td data-label="">
                  <Link href={`/audit/detail/?id=${encodeURIComponent(e.audit_id)}`} aria-label={`View audit entry of ${formatInstant(e.occurred_at, tenant.zone)}`}>
                    View
                  </Link>
                </td>
              </tr>
            ))}
          </Table>
        )}
      </ListView>
    </>
  );
}
