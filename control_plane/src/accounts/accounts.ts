import cookie from '@fastify/cookie';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AccountService } from './account-service.js';
import { authRoutes } from './auth-routes.js';
import { accountsConfig, type AccountsConfig } from './config.js';
import { csrfHook } from './csrf-hook.js';
import { LoginThrottle } from './login-throttle.js';
import { ownerAdminRoutes } from './owner-admin-routes.js';
import { PasswordHasher } from './passwords.js';
import type { AccountsPorts } from './ports.js';
import './principal.js';
import { SessionCookie } from './session-cookie.js';
import { SessionResolver } from './session-resolver.js';
import { SessionStore } from './session-store.js';
import { tenantGatePlugin } from './tenant-gate.js';
import { UserStore } from './user-store.js';

export interface AccountsOptions extends AccountsPorts {
  config: Partial<AccountsConfig> & Pick<AccountsConfig, 'publicBaseUrl'>;
}

export interface Accounts {
  /** Register once at the root: cookie parsing, the CSRF hook, `/api/auth/*`, the admin owner routes. */
  plugin: FastifyPluginAsync;
  /** Register inside the `/api/tenants/:tenant_id` scope, before its routes. */
  tenantGate: FastifyPluginAsync;
  service: AccountService;
  users: UserStore;
  sessions: SessionStore;
  /** Deletes expired sessions and spent throttle rows; the host schedules it. */
  purgeExpired(): Promise<{ sessions: number; attempts: number }>;
}

/** Builds the accounts module from its ports; nothing touches the database until a request does. */
export function createAccounts(o: AccountsOptions): Accounts {
  const config = accountsConfig(o.config);
  const users = new UserStore(o.db);
  const sessions = new SessionStore(o.db, config);
  const throttle = new LoginThrottle(o.db, config.throttle);
  const service = new AccountService({ users, sessions, throttle, hasher: new PasswordHasher(config.argon2), clock: o.clock, log: o.log });
  const cookieJar = new SessionCookie(config.publicBaseUrl);
  const resolver = new SessionResolver(sessions, cookieJar, o.clock);
  const trustedOrigins = new Set([new URL(config.publicBaseUrl).origin, ...config.trustedOrigins.map((u) => new URL(u).origin)]);
  const clientIp = o.clientIp ?? ((req: FastifyRequest) => req.ip);

  const plugin = fp(
    async (app) => {
      if (!app.hasPlugin('@fastify/cookie')) await app.register(cookie);
      app.decorateRequest('principal', null);
      app.addHook('onRequest', csrfHook({ hasAdminBearer: o.hasAdminBearer, resolver, trustedOrigins, log: o.log }));
      await app.register(authRoutes, { service, sessions, resolver, cookie: cookieJar, clock: o.clock, clientIp });
      await app.register(ownerAdminRoutes, { service, users, isAdmin: o.isAdmin, tenantExists: o.tenantExists });
    },
    { name: 'vozlia-accounts', fastify: '5.x' },
  );

  return {
    plugin,
    tenantGate: tenantGatePlugin({ hasAdminBearer: o.hasAdminBearer, tenantExists: o.tenantExists, session: (req) => resolver.session(req) }),
    service,
    users,
    sessions,
    async purgeExpired() {
      const now = o.clock.now();
      return { sessions: await sessions.purgeExpired(now), attempts: await throttle.purge(now) };
    },
  };
}
