import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { FeaturePorts } from '../../features/types.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../server/errors.js';
import { handleCommand } from '../../shared/command-handler.js';
import { orderDecider, OrderStateError } from './decider.js';
import { orderStream } from './events.js';
import { loadMenu } from './repository.js';

const Params = z.object({ tenantId: z.string().min(1), orderId: z.string().min(1).optional() });
const CancelBody = z.object({ reason: z.string().max(300).optional() }).default({});

/**
 * Portal API for orders, under /api/features/order_placing. Tenant scoping is by path; the
 * portal's auth preHandler (owner session) is added where portal auth lands.
 */
export const routes: FastifyPluginAsync<{ ports: FeaturePorts }> = async (app, { ports }) => {
  app.get('/tenants/:tenantId/menu', async (req) => {
    const { tenantId } = parse(Params, req.params);
    const menu = await loadMenu(ports.db, tenantId);
    if (!menu) throw new NotFoundError('no menu for this tenant');
    return { menu };
  });

  app.get('/tenants/:tenantId/orders', async (req) => {
    const { tenantId } = parse(Params, req.params);
    const orders = await ports.db
      .selectFrom('orders')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .orderBy('created_at', 'desc')
      .limit(100)
      .execute();
    return { orders };
  });

  const transition = (kind: 'CancelOrder' | 'CompleteOrder') => async (req: { params: unknown; body: unknown }) => {
    const { tenantId, orderId } = parse(Params, req.params);
    const stream = orderStream(tenantId, orderId!);
    if ((await ports.events.streamVersion(stream)) === 0) throw new NotFoundError('no such order');
    const reason = kind === 'CancelOrder' ? (parse(CancelBody, req.body ?? {}).reason ?? null) : null;
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
    return ports.db.selectFrom('orders').selectAll().where('id', '=', orderId!).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
  };
  app.post('/tenants/:tenantId/orders/:orderId/cancel', transition('CancelOrder'));
  app.post('/tenants/:tenantId/orders/:orderId/complete', transition('CompleteOrder'));
};

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new ValidationError(r.error.issues[0]?.message ?? 'invalid request');
  return r.data;
}
