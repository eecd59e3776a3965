import { Order, OrderListQuery, SetOrderStatusRequest, type Fulfillment, type OrderStatus, type RecordSource } from '@vozlia/contract';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { ForbiddenError, NotFoundError } from '../../server/errors.js';
import { handleCommand } from '../kit/command-handler.js';
import { listPage, portalMetadata, tenantOf, type TenantParams } from '../kit/tenant-route.js';
import { parseRequest } from '../kit/parse-request.js';
import type { FeaturePorts } from '../types.js';
import { menuRoutes } from './menu-routes.js';
import { orderDecider, OrderStateError } from './decider.js';
import { orderStream } from './events.js';
import type { OrderRow, OrderStore } from './store.js';

const OrderParams = z.object({ tenant_id: z.string(), id: z.string().min(1).max(100) });
const iso = (d: Date | string) => new Date(d).toISOString();

/** A projected order as the portal reads it (contract `Order`). */
export function toOrder(r: OrderRow): Order {
  return {
    id: r.id,
    status: r.status as OrderStatus,
    customer_name: r.customer_name,
    customer_phone: r.customer_phone,
    fulfillment: r.fulfillment as Fulfillment,
    requested_for: r.requested_for ? iso(r.requested_for) : null,
    delivery_address: r.delivery_address,
    notes: r.notes,
    items: r.lines.map((l) => ({ name: l.item_name, quantity: l.quantity, unit_price_cents: l.unit_price_cents, options: l.options, line_total_cents: l.line_total_cents })),
    item_count: r.item_count,
    subtotal_cents: r.subtotal_cents,
    tax_cents: r.tax_cents,
    delivery_fee_cents: r.delivery_fee_cents,
    total_cents: r.total_cents,
    source: r.source as RecordSource,
    call_sid: r.call_sid,
    created_at: iso(r.created_at),
    updated_at: iso(r.updated_at),
  };
}

/** Contract §7, in the tenant scope: the orders list (filters, keyset pages), status changes, and the menu. */
export const routes: FastifyPluginAsync<{ ports: FeaturePorts<OrderStore> }> = async (app, { ports }) => {
  app.get<{ Params: TenantParams }>('/orders', async (req) => {
    const tenant = await tenantOf(ports, req);
    const q = parseRequest(OrderListQuery, req.query);
    return listPage(tenant, q, (f) => ports.store.list(tenant.id, { ...f, ...(q.status ? { status: q.status } : {}) }), (r) => ({ at: new Date(r.created_at), id: r.id }), toOrder);
  });

  app.get('/orders/:id', async (req) => {
    const { tenant_id, id } = parseRequest(OrderParams, req.params);
    const row = await ports.store.orderWithLines(tenant_id, id);
    if (!row) throw new NotFoundError('no such order');
    return toOrder(row);
  });

  app.post('/orders/:id/status', async (req) => {
    const { tenant_id: tenantId, id: orderId } = parseRequest(OrderParams, req.params);
    const { status, reason } = parseRequest(SetOrderStatusRequest, req.body);
    const stream = orderStream(tenantId, orderId);
    if ((await ports.events.streamVersion(stream)) === 0) throw new NotFoundError('no such order');
    try {
      const command = { type: 'SetOrderStatus', data: { tenantId, orderId, status, reason: reason ?? null } } as const;
      await handleCommand(ports.events, tenantId, stream, orderDecider, command, { metadata: portalMetadata(req) });
    } catch (err) {
      if (err instanceof OrderStateError) throw new ForbiddenError(err.message, 'illegal_state');
      throw err;
    }
    const order = await ports.store.orderWithLines(tenantId, orderId);
    if (!order) throw new Error(`order ${orderId} was not projected`);
    return toOrder(order);
  });

  menuRoutes(app, ports);
};
