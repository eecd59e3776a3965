'use client';
import { useInfiniteQuery } from '@tanstack/react-query';
import { OrderStatus } from '@vozlia/contract';
import { useState } from 'react';
import { DateRangeFilter } from '@/components/lists/date-range-filter';
import { ListView } from '@/components/lists/list-view';
import { StatusFilter } from '@/components/lists/status-filter';
import { Table } from '@/components/lists/table';
import { PageHeader } from '@/components/ui/page-header';
import { useApi } from '@/lib/api/api-context';
import { useTenant } from '@/features/tenant/use-tenant';
import { ordersQuery, type OrderFilters } from '../queries';
import { OrderRow } from './order-row';

const COLUMNS = [{ label: 'Placed' }, { label: 'Customer' }, { label: 'Items' }, { label: 'Total', num: true }, { label: 'Status' }, { label: 'Actions', hidden: true }];

export function OrdersPage() {
  const api = useApi();
  const tenant = useTenant();
  const [filters, setFilters] = useState<OrderFilters>({});
  const query = useInfiniteQuery(ordersQuery(api, tenant.tenantId, filters));
  const filtered = Object.values(filters).some(Boolean);

  return (
    <>
      <PageHeader title="Orders" description="Orders your phone assistant took, newest first. Move them along as the kitchen works." />
      <form className="filters" role="search" aria-label="Filter orders" onSubmit={(e) => e.preventDefault()}>
        <StatusFilter options={OrderStatus.options} value={filters.status} onChange={(status) => setFilters({ ...filters, status })} />
        <DateRangeFilter value={filters} onChange={(range) => setFilters({ ...filters, ...range })} />
      </form>
      <ListView query={query} noun="orders" empty={{ title: filtered ? 'No orders match these filters' : 'No orders yet', body: filtered ? 'Try another status or dates.' : 'Orders placed by phone appear here.' }}>
        {(orders) => (
          <Table caption="Orders, newest first" columns={COLUMNS}>
            {orders.map((order) => (
              <OrderRow key={order.id} order={order} tenantId={tenant.tenantId} zone={tenant.zone} />
            ))}
          </Table>
        )}
      </ListView>
    </>
  );
}
