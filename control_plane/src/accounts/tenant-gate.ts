import type { Role } from '@vozlia/contract';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { DEFAULT_ROUTE_ROLES, type Principal } from './principal.js';
import type { ActiveSession } from './session-store.js';

export type GateVerdict = { status: 401 | 403 | 404 } | { status: 200; principal: Principal };

export interface GateFacts {
  tenantId: string;
  admin: boolean;
  /** Only asked for the admin: a session's tenant is known to exist. */
  tenantExists: () => Promise<boolean>;
  session: ActiveSession | null;
  roles: readonly Role[];
}

/**
 * `(session or admin) × tenant × role`, in that order: nobody → 401; another tenant's user →
 * 404, the same answer as a tenant that does not exist, so nothing leaks; a role the route
 * does not admit → 403. The admin acts for any tenant that exists.
 */
export async function gateVerdict(f: GateFacts): Promise<GateVerdict> {
  if (f.admin) return (await f.tenantExists()) ? { status: 200, principal: { kind: 'admin', tenantId: f.tenantId } } : { status: 404 };
  const s = f.session;
  if (!s) return { status: 401 };
  if (s.tenantId !== f.tenantId) return { status: 404 };
  if (!f.roles.includes(s.role)) return { status: 403 };
  return { status: 200, principal: { kind: 'user', tenantId: s.tenantId, userId: s.userId, email: s.email, role: s.role, sessionId: s.id } };
}

export interface TenantGateDeps {
  hasAdminBearer(request: FastifyRequest): boolean;
  tenantExists(tenantId: string): Promise<boolean>;
  session(request: FastifyRequest): Promise<ActiveSession | null>;
}

const REFUSALS = {
  401: { error: 'unauthorized', message: 'sign in first' },
  403: { error: 'forbidden', message: 'your role does not allow this' },
  404: { error: 'not_found', message: 'no such tenant' },
} as const;

/**
 * The tenant gate as a plugin: registered inside the `/api/tenants/:tenant_id` scope, it adds
 * one `preHandler` to every route of that scope, so a route cannot forget it.
 */
export function tenantGatePlugin(deps: TenantGateDeps): FastifyPluginAsync {
  return fp(
    async (scope) => {
      scope.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
        const tenantId = (req.params as { tenant_id?: string }).tenant_id;
        if (!tenantId) throw new Error('the tenant gate is installed outside a /:tenant_id scope');
        const admin = deps.hasAdminBearer(req);
        const verdict = await gateVerdict({
          tenantId,
          admin,
          tenantExists: () => deps.tenantExists(tenantId),
          session: admin ? null : await deps.session(req),
          roles: req.routeOptions.config.roles ?? DEFAULT_ROUTE_ROLES,
        });
        if (verdict.status !== 200) return reply.code(verdict.status).header('cache-control', 'no-store').send(REFUSALS[verdict.status]);
        req.principal = verdict.principal;
      });
    },
    { name: 'vozlia-tenant-gate', dependencies: ['vozlia-accounts'], fastify: '5.x' },
  );
}
