import type { FastifyPluginAsync } from 'fastify';
import type { FeaturePorts } from '../../features/types.js';

/** Portal API under /api/features/contacts (owner auth is added where portal auth lands). */
export const routes: FastifyPluginAsync<{ ports: FeaturePorts }> = async (app, { ports }) => {
  app.get<{ Params: { tenantId: string } }>('/tenants/:tenantId/customers', async (req) => ({
    customers: await ports.db.selectFrom('contacts').selectAll().where('tenant_id', '=', req.params.tenantId).orderBy('last_seen_at', 'desc').limit(200).execute(),
  }));
  app.get<{ Params: { tenantId: string } }>('/tenants/:tenantId/owners', async (req) => ({
    owners: await ports.db.selectFrom('owner_contacts').selectAll().where('tenant_id', '=', req.params.tenantId).orderBy('contact_id').execute(),
  }));
};
