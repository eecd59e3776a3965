import { Order, OrderList, type OrderListQuery, type SetOrderStatusRequest } from '@vozlia/contract';
import { tenantPath, type ApiClient } from '@/lib/api/api-client';
import { tenantKey, tenantListQuery } from '@/lib/query/tenant-query';

export type OrderFilters = Omit<OrderListQuery, 'cursor' | 'limit'>;
const PAGE_SIZE = 25;

export const ordersKey = (tenantId: string) => tenantKey(tenantId, 'orders');

export const ordersQuery = (api: ApiClient, tenantId: string, filters: OrderFilters) =>
  tenantListQuery(api, tenantId, ['orders', filters], (api, cursor, signal) =>
    api.get(tenantPath(tenantId, 'orders'), OrderList, { ...filters, cursor, limit: PAGE_SIZE }, signal),
  );

export const setOrderStatus = (api: ApiClient, tenantId: string, orderId: string, body: SetOrderStatusRequest) =>
  api.send('POST', tenantPath(tenantId, 'orders', orderId, 'status'), body, Order);
