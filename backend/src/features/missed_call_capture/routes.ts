import type { FastifyPluginAsync } from 'fastify';
import type { TenantParams } from '../kit/tenant-route.js';
import type { FeaturePorts } from '../types.js';
import type { MissedCallStore } from './store.js';

/**
 * Missed calls in the tenant scope (the call log's `outcome=missed` is the portal's view; this is
 * the feature's own record, with the caller's number and whether the owner was told).
 */
export const routes: FastifyPluginAsync<{ ports: FeaturePorts<MissedCallStore> }> = async (app, { ports }) => {
  app.get<{ Params: TenantParams }>('/missed-calls', async (req) => ({ items: await ports.store.missedCalls(req.params.tenant_id) }));
};
