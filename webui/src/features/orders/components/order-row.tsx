'use client';
import { useQueryClient } from '@tanstack/react-query';
import { ORDER_TRANSITIONS, SetOrderStatusRequest, type Order } from '@vozlia/contract';
import Link from 'next/link';
import { StatusChangeDialog } from '@/components/lists/status-change-dialog';
import { StatusBadge } from '@/components/ui/status-badge';
import { useApi } from '@/lib/api/api-context';
import { formatInstant } from '@/lib/format/dates';
import { formatCents } from '@/lib/format/money';
import { tenantKey } from '@/lib/query/tenant-query';
import { setOrderStatus } from '../queries';

export function OrderRow({ order, tenantId, zone }: { order: Order; tenantId: string; zone: string }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const who = order.customer_name ?? 'a caller';
  const save = async (body: SetOrderStatusRequest) => {
    await setOrderStatus(api, tenantId, order.id, body);
    // Lists and Today's figures both count orders.
    await queryClient.invalidateQueries({ queryKey: tenantKey(tenantId) });
  };
  return (
    <tr>
      <td data-label="Placed" className="nowrap">
        {formatInstant(order.created_at, zone)}
      </td>
      <td data-label="Customer">
        {order.customer_name ?? <span className="muted">No name</span>}
        <details className="small">
          <summary>Details</summary>
          <dl className="facts">
            <dt>Order</dt>
            <dd>{order.id}</dd>
            <dt>Phone</dt>
            <dd>{order.customer_phone ?? '—'}</dd>
            <dt>Fulfilment</dt>
            <dd>
              {order.fulfillment === 'delivery' ? `Delivery to ${order.delivery_address ?? 'an address not given'}` : 'Pickup'}
              {order.requested_for && `, for ${formatInstant(order.requested_for, zone)}`}
            </dd>
            {order.notes && (
              <>
                <dt>Notes</dt>
                <dd>{order.notes}</dd>
              </>
            )}
            {order.call_sid && (
              <>
                <dt>Call</dt>
                <dd>
                  <Link href={`/calls/detail/?id=${encodeURIComponent(order.call_sid)}`}>Open the call</Link>
                </dd>
              </>
            )}
          </dl>
        </details>
      </td>
      <td data-label="Items">
        {order.items.map((line, i) => (
          <div key={i}>
            {line.quantity}× {line.name}
            {line.options && <span className="muted small"> ({line.options})</span>}
          </div>
        ))}
      </td>
      <td data-label="Total" className="num">
        {formatCents(order.total_cents)}
      </td>
      <td data-label="Status">
        <StatusBadge status={order.status} />
      </td>
      <td data-label="">
        <StatusChangeDialog subject={`order from ${who}`} current={order.status} next={ORDER_TRANSITIONS[order.status]} schema={SetOrderStatusRequest} save={save} />
      </td>
    </tr>
  );
}
