import type { FastifyPluginAsync } from 'fastify';
import type { FeaturePorts } from '../types.js';
import type { ContactStore } from './store.js';

/** Portal API under /api/features/contacts (owner auth is added where portal auth lands). */
export const routes: FastifyPluginAsync<{ ports: FeaturePorts<ContactStore> }> = async (app, { ports }) => {
  app.get<{ Params: { tenantId: string } }>('/tenants/:tenantId/customers', async (req) => ({ customers: await ports.store.customers(req.params.tenantId) }));
  app.get<{ Params: { tenantId: string } }>('/tenants/:tenantId/owners', async (req) => ({ owners: await ports.store.owners(req.params.tenantId) }));
};
