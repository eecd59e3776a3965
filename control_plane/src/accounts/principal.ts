import type { Role } from '@vozlia/contract';

/**
 * Who a tenant route acts for, set by the tenant gate before any handler runs: a signed-in
 * user of that tenant, or the platform admin acting for it.
 */
export type Principal =
  | { kind: 'user'; tenantId: string; userId: string; email: string; role: Role; sessionId: string }
  | { kind: 'admin'; tenantId: string };

/** Roles a tenant route admits when it declares none. */
export const DEFAULT_ROUTE_ROLES: readonly Role[] = Object.freeze(['owner', 'staff']);

/** For `config: { roles: OWNER_ONLY }` on analytics, settings, codes, billing: staff sees calls, orders and appointments only. */
export const OWNER_ONLY: readonly Role[] = Object.freeze(['owner']);

declare module 'fastify' {
  interface FastifyRequest {
    /** Null until the tenant gate admits the request; always set inside `/api/tenants/:tenant_id`. */
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** Roles admitted by the tenant gate (default owner and staff); the admin is always admitted. */
    roles?: readonly Role[];
  }
}
