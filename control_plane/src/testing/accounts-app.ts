import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Kysely } from 'kysely';
import { pino, type Logger } from 'pino';
import { openMigratedTestDatabase, type TestDatabase } from '../../../backend/src/testing/test-db.js';
import { createAccounts, type Accounts } from '../accounts/accounts.js';
import type { AccountsConfig } from '../accounts/config.js';
import { accountsMigrations } from '../accounts/migrations/index.js';
import { OWNER_ONLY } from '../accounts/principal.js';
import type { Clock } from '../accounts/ports.js';
import type { AccountsDatabase } from '../accounts/tables.js';

/** Test support for the accounts module: a database with its tables, a clock, an app. */

export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const ADMIN = { authorization: `Bearer ${ADMIN_TOKEN}` } as const;
export const TENANTS = ['t_alpha', 't_beta'] as const;

export class FakeClock implements Clock {
  #t: number;
  constructor(start = Date.UTC(2026, 11, 1, 9, 0)) {
    this.#t = start;
  }
  now(): Date {
    return new Date(this.#t);
  }
  advance(ms: number): void {
    this.#t += ms;
  }
}

export interface AccountsTestDb {
  handle: TestDatabase;
  db: Kysely<AccountsDatabase>;
}

export async function openAccountsDb(kind: 'pglite' | 'postgres'): Promise<AccountsTestDb> {
  const handle = await openMigratedTestDatabase(kind, accountsMigrations);
  return { handle, db: handle.db as unknown as Kysely<AccountsDatabase> };
}

/** A logger whose lines the test can read back (to prove what is never logged). */
export function memoryLogger(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { log: pino({ level: 'debug' }, sink), lines };
}

export interface AccountsAppOptions {
  db: Kysely<AccountsDatabase>;
  clock: Clock;
  log?: Logger;
  config?: Partial<AccountsConfig>;
  /** Extra routes inside the tenant scope, after the gate (defaults: the gate test's dummy routes). */
  tenantRoutes?: (scope: FastifyInstance) => void;
}

/**
 * An app wired as the backend will wire it: the accounts plugin at the root, the tenant gate
 * on `/api/tenants/:tenant_id`, two dummy tenant routes (one for any role, one owner-only) and a
 * dummy admin write. Loopback fallback is off: only the bearer is admin.
 */
export async function buildAccountsApp(o: AccountsAppOptions): Promise<{ app: FastifyInstance; accounts: Accounts }> {
  const log = o.log ?? pino({ level: 'silent' });
  const hasAdminBearer = (req: { headers: Record<string, unknown> }) => req.headers.authorization === ADMIN.authorization;
  const accounts = createAccounts({
    db: o.db,
    clock: o.clock,
    log,
    isAdmin: hasAdminBearer,
    hasAdminBearer,
    tenantExists: async (id) => (TENANTS as readonly string[]).includes(id),
    config: { publicBaseUrl: 'https://portal.example.com', ...o.config },
  });
  const app = Fastify({ loggerInstance: log as FastifyServerOptions['loggerInstance'] });
  await app.register(accounts.plugin);
  await app.register(
    async (scope) => {
      await scope.register(accounts.tenantGate);
      if (o.tenantRoutes) return o.tenantRoutes(scope);
      scope.get('/orders', async (req) => ({ items: [], tenant: req.params, principal: req.principal }));
      scope.post('/orders/:id/status', async (req) => ({ ok: true, principal: req.principal }));
      scope.get('/settings', { config: { roles: OWNER_ONLY } }, async (req) => ({ principal: req.principal }));
    },
    { prefix: '/api/tenants/:tenant_id' },
  );
  app.post('/api/admin/ping', async (req, reply) => (hasAdminBearer(req) ? { ok: true } : reply.code(401).send()));
  app.post('/twilio/voice', async () => 'twiml');
  await app.ready();
  return { app, accounts };
}

/** The session cookie `name=value` from a response, for the next request's `Cookie` header. */
export function sessionCookieOf(res: { cookies: { name: string; value: string }[] }): string {
  const c = res.cookies.find((x) => x.name.endsWith('voz_session'));
  if (!c) throw new Error('no session cookie in the response');
  return `${c.name}=${c.value}`;
}

/** Signs in through the API; returns the cookie header and the CSRF token. */
export async function signIn(app: FastifyInstance, email: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return { cookie: sessionCookieOf(res), csrf: res.json().csrf_token };
}

/** Headers of a same-origin portal write. */
export const portalWrite = (s: { cookie: string; csrf: string }) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf, origin: 'https://portal.example.com' });
