import type { FastifyPluginAsync } from 'fastify';
import type { FeaturePorts } from '../types.js';
import type { MissedCallStore } from './store.js';

/** Portal API under /api/features/missed_call_capture (owner auth is added where portal auth lands). */
export const routes: FastifyPluginAsync<{ ports: FeaturePorts<MissedCallStore> }> = async (app, { ports }) => {
  app.get<{ Params: { tenantId: string } }>('/tenants/:tenantId/missed-calls', async (req) => ({ missed_calls: await ports.store.missedCalls(req.params.tenantId) }));
  app.get<{ Params: { tenantId: string } }>('/tenants/:tenantId/notifications', async (req) => ({ notifications: await ports.store.notifications(req.params.tenantId) }));
};
