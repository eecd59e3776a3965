import type { FastifyPluginAsync } from 'fastify';
import type { FeaturePorts } from '../../features/types.js';

/** Portal API under /api/features/missed_call_capture (owner auth is added where portal auth lands). */
export const routes: FastifyPluginAsync<{ ports: FeaturePorts }> = async (app, { ports }) => {
  app.get<{ Params: { tenantId: string } }>('/tenants/:tenantId/missed-calls', async (req) => ({
    missed_calls: await ports.db.selectFrom('missed_calls').selectAll().where('tenant_id', '=', req.params.tenantId).orderBy('missed_at', 'desc').limit(100).execute(),
  }));
  app.get<{ Params: { tenantId: string } }>('/tenants/:tenantId/notifications', async (req) => ({
    notifications: await ports.db.selectFrom('notifications').selectAll().where('tenant_id', '=', req.params.tenantId).orderBy('created_at', 'desc').limit(100).execute(),
  }));
};
