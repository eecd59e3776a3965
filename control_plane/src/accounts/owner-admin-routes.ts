import { CreateOwnerRequest, ResetPasswordRequest, type Owner, type OwnerList } from '@vozlia/contract';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AccountService } from './account-service.js';
import { parseOr400, sendError } from './http-replies.js';
import { EmailTakenError, type UserRow, type UserStore } from './user-store.js';

export interface OwnerAdminDeps {
  service: AccountService;
  users: UserStore;
  /** The admin API's policy (the bearer; loopback when no token is configured). */
  isAdmin(request: FastifyRequest): boolean;
  tenantExists(tenantId: string): Promise<boolean>;
}

type TenantParams = { Params: { id: string } };
type UserParams = { Params: { id: string; user_id: string } };

const toOwner = (u: UserRow): Owner => ({ id: u.id, email: u.email, tenant_id: u.tenant_id, role: u.role, created_at: new Date(u.created_at).toISOString() });
const NO_TENANT = { error: 'not_found', message: 'no such tenant' } as const;
const NO_USER = { error: 'not_found', message: 'no such user in this tenant' } as const;

/** Contract §8: a tenant's owners and staff, managed by the platform admin. */
export const ownerAdminRoutes: FastifyPluginAsync<OwnerAdminDeps> = async (app, d) => {
  app.addHook('preHandler', async (req, reply) => {
    if (!d.isAdmin(req)) return sendError(reply.header('www-authenticate', 'Bearer'), 401, { error: 'unauthorized', message: 'admin token required' });
    const id = (req.params as { id?: string }).id;
    if (id !== undefined && !(await d.tenantExists(id))) return sendError(reply, 404, NO_TENANT);
  });

  app.get<TenantParams>('/api/admin/tenants/:id/owners', async (req) => ({ items: (await d.users.listByTenant(req.params.id)).map(toOwner) }) satisfies OwnerList);

  app.post<TenantParams>('/api/admin/tenants/:id/owners', async (req, reply) => {
    const body = parseOr400(CreateOwnerRequest, req.body, reply);
    if (!body) return reply;
    try {
      const user = await d.service.addUser({ tenantId: req.params.id, email: body.email, role: body.role, password: body.password });
      return reply.code(201).send(toOwner(user));
    } catch (err) {
      if (err instanceof EmailTakenError) return sendError(reply, 409, { error: 'email_taken', message: err.message, field: 'email' });
      throw err;
    }
  });

  app.put<UserParams>('/api/admin/tenants/:id/owners/:user_id/password', async (req, reply) => {
    const body = parseOr400(ResetPasswordRequest, req.body, reply);
    if (!body) return reply;
    return done(reply, await d.service.resetPassword(req.params.id, req.params.user_id, body.password));
  });

  app.delete<UserParams>('/api/admin/tenants/:id/owners/:user_id', async (req, reply) => done(reply, await d.service.removeUser(req.params.id, req.params.user_id)));
};

const done = (reply: FastifyReply, found: boolean) => (found ? reply.code(204).send() : sendError(reply, 404, NO_USER));
