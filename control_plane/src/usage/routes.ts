import { UsageQuery, type UsageStatement } from '@vozlia/contract';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { OWNER_ONLY } from '../accounts/principal.js';
import { installErrorHandler, notFound, parseOr400 } from './http.js';
import type { UsageService } from './usage-service.js';

const AdminParams = z.object({ id: z.string().min(1).max(100) });
const TenantParams = z.object({ tenant_id: z.string().min(1).max(100) });

async function usageOf(usage: UsageService, tenantId: string, query: unknown): Promise<UsageStatement> {
  const { period } = parseOr400(UsageQuery, query);
  const u = await usage.usage(tenantId, period);
  if (!u) throw notFound('tenant');
  return u;
}

/** `GET /api/admin/tenants/:id/usage?period=YYYY-MM` (contract §8): registered under `/api/admin`, whose guard the backend owns. */
export const usageAdminRoutes: FastifyPluginAsync<{ usage: UsageService }> = async (app, opts) => {
  installErrorHandler(app);
  app.get('/tenants/:id/usage', async (req) => usageOf(opts.usage, parseOr400(AdminParams, req.params).id, req.query));
};

/**
 * `GET usage?period=YYYY-MM` for a tenant's owner: the backend registers this plugin with the
 * prefix `/api/tenants/:tenant_id` behind its tenant gate, so the handler trusts the param.
 * Owner-only, like every money matter: staff sees calls, orders and appointments.
 */
export const usageTenantRoutes: FastifyPluginAsync<{ usage: UsageService }> = async (app, opts) => {
  installErrorHandler(app);
  app.get('/usage', { config: { roles: OWNER_ONLY } }, async (req) => usageOf(opts.usage, parseOr400(TenantParams, req.params).tenant_id, req.query));
};
