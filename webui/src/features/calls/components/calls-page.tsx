'use client';
import { useInfiniteQuery } from '@tanstack/react-query';
import { CallActorMode, CallOutcome } from '@vozlia/contract';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { DateRangeFilter } from '@/components/lists/date-range-filter';
import { ListView } from '@/components/lists/list-view';
import { StatusFilter } from '@/components/lists/status-filter';
import { Table } from '@/components/lists/table';
import { PageHeader } from '@/components/ui/page-header';
import { StatusBadge } from '@/components/ui/status-badge';
import { useApi } from '@/lib/api/api-context';
import { formatDuration, formatInstant } from '@/lib/format/dates';
import { useTenant } from '@/features/tenant/use-tenant';
import { callerLabel, latencyLabel, modeLabel } from '../call-words';
import { callsQuery, type CallFilters } from '../queries';

const COLUMNS = [{ label: 'When' }, { label: 'Caller' }, { label: 'Line' }, { label: 'Duration', num: true }, { label: 'Outcome' }, { label: 'Latency' }, { label: 'Details', hidden: true }];

export function CallsPage() {
  const api = useApi();
  const tenant = useTenant();
  const initialOutcome = CallOutcome.safeParse(useSearchParams().get('outcome'));
  const [filters, setFilters] = useState<CallFilters>(initialOutcome.success ? { outcome: initialOutcome.data } : {});
  const query = useInfiniteQuery(callsQuery(api, tenant.tenantId, filters));
  const filtered = Object.values(filters).some(Boolean);

  return (
    <>
      <PageHeader title="Calls" description="Every call to your line, newest first: who called, what came of it, and how fast the assistant answered." />
      <form className="filters" role="search" aria-label="Filter calls" onSubmit={(e) => e.preventDefault()}>
        <StatusFilter label="Outcome" options={CallOutcome.options} value={filters.outcome} onChange={(outcome) => setFilters({ ...filters, outcome })} />
        <StatusFilter label="Line" options={CallActorMode.options} value={filters.actor_mode} onChange={(actor_mode) => setFilters({ ...filters, actor_mode })} />
        <DateRangeFilter value={filters} onChange={(range) => setFilters({ ...filters, ...range })} />
      </form>
      <ListView query={query} noun="calls" empty={{ title: filtered ? 'No calls match these filters' : 'No calls yet', body: filtered ? 'Try another outcome or dates.' : 'Calls to your number appear here.' }}>
        {(calls) => (
          <Table caption="Calls, newest first" columns={COLUMNS}>
            {calls.map((c) => (
              <tr key={c.call_sid}>
                <td data-label="When" className="nowrap">
                  {formatInstant(c.started_at, tenant.zone)}
                </td>
                <td data-label="Caller">{callerLabel(c)}</td>
                <td data-label="Line">{modeLabel(c.actor_mode)}</td>
                <td data-label="Duration" className="num">
                  {c.duration_seconds === null ? '—' : formatDuration(c.duration_seconds)}
                </td>
                <td data-label="Outcome">
                  <StatusBadge status={c.outcome} />
                </td>
                <td data-label="Latency" className="small">
                  {latencyLabel(c)}
                </td>
                <td data-label="">
                  <Link href={`/calls/detail/?id=${encodeURIComponent(c.call_sid)}`} aria-label={`View call from ${callerLabel(c)} at ${formatInstant(c.started_at, tenant.zone)}`}>
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
