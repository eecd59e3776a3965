import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { AccountsDatabase } from './tables.js';

/** Time, injected so expiry and throttling are tested without waiting. */
export interface Clock {
  now(): Date;
}

/** What the accounts module needs from the host (the backend's composition root). */
export interface AccountsPorts {
  /** A handle whose database holds the tables of `accountsMigrations`. */
  db: Kysely<AccountsDatabase>;
  clock: Clock;
  log: Logger;
  /**
   * The admin API's policy for `/api/admin/*` (the bearer; loopback clients when no token is
   * configured). Never used by the tenant gate: there a loopback fallback would make every
   * local request an admin.
   */
  isAdmin(request: FastifyRequest): boolean;
  /** The request carries the admin bearer: it acts for any tenant behind the gate and is not subject to CSRF. */
  hasAdminBearer(request: FastifyRequest): boolean;
  /** Whether a tenant exists (admin routes and the admin side of the tenant gate). */
  tenantExists(tenantId: string): Promise<boolean>;
  /** The client address used for login throttling; defaults to `request.ip`. */
  clientIp?(request: FastifyRequest): string;
}
