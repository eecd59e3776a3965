import { CreateTenantRequest, DeleteTenantQuery, type TenantList } from '@vozlia/contract';
import type { FastifyPluginAsync } from 'fastify';
import { parseOr400, sendError } from '../accounts/http-replies.js';
import { adminOnly, NO_TENANT } from './admin-guard.js';
import type { Actor, IsAdmin, TenantDirectoryPort } from './ports.js';

export interface TenantAdminDeps {
  tenants: TenantDirectoryPort;
  isAdmin: IsAdmin;
}

type IdParams = { Params: { id: string } };
const ADMIN: Actor = { source: 'admin_api', by: 'admin' };

/**
 * Contract §8, registered under `/api/admin`: create, list, read, suspend, resume and delete tenants. A suspended tenant's calls
 * hear a short message and end; a deleted one keeps its history unless `?purge=true`.
 */
export const tenantAdminRoutes: FastifyPluginAsync<TenantAdminDeps> = async (app, { tenants, isAdmin }) => {
  adminOnly(app, isAdmin);

  app.post('/tenants', async (req, reply) => {
    const body = parseOr400(CreateTenantRequest, req.body, reply);
    if (!body) return reply;
    const outcome = await tenants.create(body, ADMIN);
    if (outcome.ok) return reply.code(201).send(outcome.tenant);
    if (outcome.reason === 'id_taken') return sendError(reply, 409, { error: 'id_taken', message: `tenant id ${body.id} is already taken`, field: 'id' });
    return sendError(reply, 409, { error: 'number_taken', message: `${outcome.number} already belongs to a tenant`, field: 'phone_numbers' });
  });

  app.get('/tenants', async () => ({ items: await tenants.list() }) satisfies TenantList);

  app.get<IdParams>('/tenants/:id', async (req, reply) => (await tenants.get(req.params.id)) ?? sendError(reply, 404, NO_TENANT));

  for (const [action, status] of [
    ['suspend', 'suspended'],
    ['resume', 'active'],
  ] as const) {
    app.post<IdParams>(`/tenants/:id/${action}`, async (req, reply) => (await tenants.setStatus(req.params.id, status, ADMIN)) ?? sendError(reply, 404, NO_TENANT));
  }

  app.delete<IdParams>('/tenants/:id', async (req, reply) => {
    const query = parseOr400(DeleteTenantQuery, req.query, reply);
    if (!query) return reply;
    return (await tenants.remove(req.params.id, { purge: query.purge }, ADMIN)) ? reply.code(204).send() : sendError(reply, 404, NO_TENANT);
  });
};
