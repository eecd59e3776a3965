import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OWNERS, seedDemoOwners } from '../demo/owners.js';
import { seedDemoTenants } from '../demo/tenants.js';
import type { Runtime } from '../main.js';
import type { RouteEntry } from '../server/route-table.js';
import { openRuntimeTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/test-db.js';
import { startTestRuntime } from '../testing/test-runtime.js';
import { TENANT_PREFIX } from './http.js';
import { signInPortal, type PortalSession } from '../testing/portal-session.js';

const TOKEN = 'test-admin-token-0123456789';
const ADMIN = { authorization: `Bearer ${TOKEN}` };
const TENANT = 'demo_restaurant';
const STAFF = { email: 'staff@demo-restaurant.test', password: 'a-staff-password' };
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** What an admitted caller may get from a made-up id or body: success, or the handler's own refusal of the input. */
const ADMITTED = [200, 201, 204, 400, 404, 409];
/** A runtime and three argon2 sign-ins; on the shared, loaded CI machine this takes well over the default. */
const BOOT_TIMEOUT_MS = 120_000;

type Session = PortalSession;

/**
 * Every route of the tenant API, enumerated from the router (so a route added later is covered
 * without touching this file) × every kind of caller (contract §7, issue 11).
 */
describe.each(testDatabaseKinds())('the tenant API route table on %s', (kind) => {
  let runtime: Runtime;
  let pg: TestDatabase | undefined;
  let routes: RouteEntry[];
  let owner: Session;
  let otherOwner: Session;
  let staff: Session;
  let origin: string;

  beforeAll(async () => {
    if (kind === 'postgres') pg = await openRuntimeTestDatabase('postgres', false);
    // The demo tenants and owners only: other features' demo history is not what this test is about.
    runtime = await startTestRuntime({ env: { VOZ_ADMIN_TOKEN: TOKEN, VOZ_SEED_DEMO: '0' }, ...(pg?.url ? { databaseUrl: pg.url } : {}) });
    await seedDemoTenants(runtime.core.events);
    await seedDemoOwners(runtime.core.accounts);
    origin = new URL(runtime.config.publicBaseUrl).origin;
    await runtime.core.accounts.service.addUser({ tenantId: TENANT, role: 'staff', ...STAFF });
    const [restaurant, barbershop] = DEMO_OWNERS;
    owner = await signIn(restaurant.email, restaurant.password);
    otherOwner = await signIn(barbershop.email, barbershop.password);
    staff = await signIn(STAFF.email, STAFF.password);
    routes = runtime.app.routeTable().filter((r) => r.url.startsWith(`${TENANT_PREFIX}/`) && r.method !== 'HEAD');
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await runtime?.close();
    await pg?.close();
  });

  const signIn = (email: string, password: string) => signInPortal(runtime.app, email, password);

  /** The route for `tenant`, every other parameter a made-up id, a made-up body on writes. */
  function request(r: RouteEntry, headers: Record<string, string>, tenant = TENANT): InjectOptions {
    const url = r.url.replace(':tenant_id', tenant).replace(/:[a-z_]+/g, 'made-up-id');
    return { method: r.method as InjectOptions['method'], url, headers, ...(WRITES.has(r.method) ? { payload: {} } : {}) };
  }
  const as = (s: Session, write: boolean): Record<string, string> => (write ? { cookie: s.cookie, 'x-csrf-token': s.csrf, origin } : { cookie: s.cookie });
  const ownerOnly = (r: RouteEntry) => r.roles !== undefined && !r.roles.includes('staff');
  const each = async (check: (r: RouteEntry) => Promise<void>) => {
    for (const r of routes) await check(r);
  };
  const label = (r: RouteEntry, res: { statusCode: number; body: string }) => `${r.method} ${r.url} → ${res.statusCode} ${res.body.slice(0, 200)}`;

  it('is read from the router and holds the contract routes', () => {
    const names = routes.map((r) => `${r.method} ${r.url.slice(TENANT_PREFIX.length)}`);
    expect(names).toEqual(
      expect.arrayContaining(['GET /orders', 'POST /orders/:id/status', 'GET /appointments', 'GET /calls', 'GET /calls/:call_sid', 'GET /audit', 'POST /query', 'POST /ask', 'GET /profile']),
    );
  });

  it('no session → 401, whatever the route', async () => {
    await each(async (r) => {
      const res = await runtime.app.inject(request(r, WRITES.has(r.method) ? { origin } : {}));
      expect(res.statusCode, label(r, res)).toBe(401);
    });
  });

  it("another tenant's owner → 404 with no data, on every route", async () => {
    await each(async (r) => {
      const res = await runtime.app.inject(request(r, as(otherOwner, WRITES.has(r.method))));
      expect(res.statusCode, label(r, res)).toBe(404);
      expect(res.json(), label(r, res)).toEqual({ error: 'not_found', message: 'no such tenant' });
    });
  });

  it('staff → 403 on owner-only routes, admitted on the others', async () => {
    expect(routes.filter(ownerOnly).map((r) => r.url)).toEqual(expect.arrayContaining([`${TENANT_PREFIX}/query`, `${TENANT_PREFIX}/audit`]));
    await each(async (r) => {
      const res = await runtime.app.inject(request(r, as(staff, WRITES.has(r.method))));
      if (ownerOnly(r)) expect(res.statusCode, label(r, res)).toBe(403);
      else expect(ADMITTED, label(r, res)).toContain(res.statusCode);
    });
  });

  it('the own owner and the admin bearer are admitted everywhere', async () => {
    await each(async (r) => {
      const mine = await runtime.app.inject(request(r, as(owner, WRITES.has(r.method))));
      expect(ADMITTED, label(r, mine)).toContain(mine.statusCode);
      const admin = await runtime.app.inject(request(r, ADMIN));
      expect(ADMITTED, label(r, admin)).toContain(admin.statusCode);
      expect(admin.statusCode, label(r, admin)).toBe(mine.statusCode);
    });
  });

  it('a cookie write from a foreign Origin, or without the CSRF token, → 403 on every write route', async () => {
    const writes = routes.filter((r) => WRITES.has(r.method));
    expect(writes.length).toBeGreaterThan(5);
    for (const r of writes) {
      const foreign = await runtime.app.inject(request(r, { cookie: owner.cookie, 'x-csrf-token': owner.csrf, origin: 'https://evil.example' }));
      expect(foreign.statusCode, label(r, foreign)).toBe(403);
      const tokenless = await runtime.app.inject(request(r, { cookie: owner.cookie, origin }));
      expect(tokenless.statusCode, label(r, tokenless)).toBe(403);
    }
  });

  it('a tenant that does not exist → 404 for the admin, 404 for an owner', async () => {
    const r = routes.find((x) => x.method === 'GET' && x.url.endsWith('/orders'))!;
    expect((await runtime.app.inject(request(r, ADMIN, 'no_such_tenant'))).statusCode).toBe(404);
    expect((await runtime.app.inject(request(r, as(owner, false), 'no_such_tenant'))).statusCode).toBe(404);
  });
});
