'use client';
import { useInfiniteQuery } from '@tanstack/react-query';
import { AppointmentStatus } from '@vozlia/contract';
import { useState } from 'react';
import { DateRangeFilter } from '@/components/lists/date-range-filter';
import { ListView } from '@/components/lists/list-view';
import { StatusFilter } from '@/components/lists/status-filter';
import { Table } from '@/components/lists/table';
import { PageHeader } from '@/components/ui/page-header';
import { useApi } from '@/lib/api/api-context';
import { useTenant } from '@/features/tenant/use-tenant';
import { appointmentsQuery, type AppointmentFilters } from '../queries';
import { AppointmentRow } from './appointment-row';

const COLUMNS = [{ label: 'When' }, { label: 'Customer' }, { label: 'Service' }, { label: 'With' }, { label: 'Price', num: true }, { label: 'Status' }, { label: 'Actions', hidden: true }];

export function AppointmentsPage() {
  const api = useApi();
  const tenant = useTenant();
  const [filters, setFilters] = useState<AppointmentFilters>({});
  const query = useInfiniteQuery(appointmentsQuery(api, tenant.tenantId, filters));
  const filtered = Object.values(filters).some(Boolean);

  return (
    <>
      <PageHeader title="Appointments" description="Appointment requests from callers, latest first. Confirm them, or mark how they went." />
      <form className="filters" role="search" aria-label="Filter appointments" onSubmit={(e) => e.preventDefault()}>
        <StatusFilter options={AppointmentStatus.options} value={filters.status} onChange={(status) => setFilters({ ...filters, status })} />
        <DateRangeFilter value={filters} onChange={(range) => setFilters({ ...filters, ...range })} />
      </form>
      <ListView
        query={query}
        noun="appointments"
        empty={{ title: filtered ? 'No appointments match these filters' : 'No appointments yet', body: filtered ? 'Try another status or dates.' : 'Requests made by phone appear here.' }}
      >
        {(items) => (
          <Table caption="Appointments, latest first" columns={COLUMNS}>
            {items.map((a) => (
              <AppointmentRow key={a.id} appointment={a} tenantId={tenant.tenantId} zone={tenant.zone} />
            ))}
          </Table>
        )}
      </ListView>
    </>
  );
}
