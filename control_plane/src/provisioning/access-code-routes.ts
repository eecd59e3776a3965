import { IssueAccessCodeRequest, type AccessCodeList } from '@vozlia/contract';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { parseOr400, sendError } from '../accounts/http-replies.js';
import { OWNER_ONLY, type Principal } from '../accounts/principal.js';
import { issueAccessCode } from './access-code-issuer.js';
import { adminOnly, NO_TENANT } from './admin-guard.js';
import type { AccessCodesPort, Actor, IsAdmin, TenantDirectoryPort } from './ports.js';

export interface AccessCodeRouteDeps {
  codes: AccessCodesPort;
}

const NO_CODE = { error: 'not_found', message: 'no such access code in this tenant' } as const;

/** The three operations, for whichever scope mounts them; `tenantOf` has already been checked. */
function codeHandlers(codes: AccessCodesPort, tenantOf: (req: FastifyRequest) => string, actorOf: (req: FastifyRequest) => Actor) {
  return {
    list: async (req: FastifyRequest) => ({ items: await codes.list(tenantOf(req)) }) satisfies AccessCodeList,
    issue: async (req: FastifyRequest, reply: FastifyReply) => {
      const body = parseOr400(IssueAccessCodeRequest, req.body, reply);
      if (!body) return reply;
      // The only answer that ever holds the digits: never cached, never logged.
      return reply.code(201).header('cache-control', 'no-store').send(await issueAccessCode(codes, tenantOf(req), body.actor_mode, actorOf(req)));
    },
    revoke: async (req: FastifyRequest, reply: FastifyReply) => {
      const codeId = (req.params as { code_id: string }).code_id;
      return (await codes.revoke(tenantOf(req), codeId, actorOf(req))) ? reply.code(204).send() : sendError(reply, 404, NO_CODE);
    },
  };
}

/** Contract §8: `/api/admin/tenants/:id/access-codes` for the platform admin (paths relative to `/api/admin`). */
export const accessCodeAdminRoutes: FastifyPluginAsync<AccessCodeRouteDeps & { tenants: Pick<TenantDirectoryPort, 'get'>; isAdmin: IsAdmin }> = async (app, d) => {
  adminOnly(app, d.isAdmin);
  app.addHook('preHandler', async (req, reply) => {
    if (!(await d.tenants.get((req.params as { id: string }).id))) return sendError(reply, 404, NO_TENANT);
  });
  const h = codeHandlers(
    d.codes,
    (req) => (req.params as { id: string }).id,
    () => ({ source: 'admin_api', by: 'admin' }),
  );
  app.get('/tenants/:id/access-codes', h.list);
  app.post('/tenants/:id/access-codes', h.issue);
  app.delete('/tenants/:id/access-codes/:code_id', h.revoke);
};

/**
 * The owner's own codes, registered inside the `/api/tenants/:tenant_id` scope behind the
 * tenant gate (which checked the tenant and the role): owner-only.
 */
export const accessCodeTenantRoutes: FastifyPluginAsync<AccessCodeRouteDeps> = async (app, d) => {
  const h = codeHandlers(
    d.codes,
    (req) => (req.params as { tenant_id: string }).tenant_id,
    (req) => ({ source: 'tenant_api', by: principalName(req.principal) }),
  );
  const owner = { config: { roles: OWNER_ONLY } };
  app.get('/access-codes', owner, h.list);
  app.post('/access-codes', owner, h.issue);
  app.delete('/access-codes/:code_id', owner, h.revoke);
};

/** For event metadata: a user's id (not their email), or `admin`. */
export function principalName(p: Principal | null): string {
  return p?.kind === 'user' ? `user:${p.userId}` : 'admin';
}
