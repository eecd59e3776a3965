import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { ForbiddenError, NotFoundError } from '../../server/errors.js';
import { handleCommand } from '../kit/command-handler.js';
import { parseRequest } from '../kit/parse-request.js';
import type { FeaturePorts } from '../types.js';
import { orderDecider, OrderStateError } from './decider.js';
import { orderStream } from './events.js';
import type { OrderStore } from './store.js';

const Params = z.object({ tenantId: z.string().min(1), orderId: z.string().min(1).optional() });
const CancelBody = z.object({ reason: z.string().max(300).optional() }).default({});

/**
 * Portal API for orders, under /api/features/order_placing. Tenant scoping is by path; the
 * portal's auth preHandler (owner session) is added where portal auth lands.
 */
export const routes: FastifyPluginAsync<{ ports: FeaturePorts<OrderStore> }> = async (app, { ports }) => {
  app.get('/tenants/:tenantId/menu', async (req) => {
    const { tenantId } = parseRequest(Params, req.params);
    const menu = await ports.store.menu(tenantId);
    if (!menu) throw new NotFoundError('no menu for this tenant');
    return { menu };
  });

  app.get('/tenants/:tenantId/orders', async (req) => {
    const { tenantId } = parseRequest(Params, req.params);
    return { orders: await ports.store.orders(tenantId) };
  });

  const transition = (kind: 'CancelOrder' | 'CompleteOrder') => async (req: { params: unknown; body: unknown }) => {
    const { tenantId, orderId } = parseRequest(Params, req.params);
    const stream = orderStream(tenantId, orderId!);
    if ((await ports.events.streamVersion(stream)) === 0) throw new NotFoundError('no such order');
    const reason = kind === 'CancelOrder' ? (parseRequest(CancelBody, req.body ?? {}).reason ?? null) : null;
    try {
      const command =
        kind === 'CancelOrder'
          ? ({ type: kind, data: { tenantId, orderId: orderId!, reason } } as const)
          : ({ type: kind, data: { tenantId, orderId: orderId! } } as const);
      await handleCommand(ports.events, tenantId, stream, orderDecider, command, { metadata: { actor_mode: 'owner', source: 'portal' } });
    } catch (err) {
      if (err instanceof OrderStateError) throw new ForbiddenError(err.message, 'illegal_state');
      throw err;
    }
    const order = await ports.store.order(tenantId, orderId!);
    if (!order) throw new Error(`order ${orderId} was not projected`);
    return order;
  };
  app.post('/tenants/:tenantId/orders/:orderId/cancel', transition('CancelOrder'));
  app.post('/tenants/:tenantId/orders/:orderId/complete', transition('CompleteOrder'));
};
