import { Dashboard, dashboardSpecs } from '@vozlia/contract';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../main.js';
import { DEMO_OWNERS } from '../demo/owners.js';
import { openRuntimeTestDatabase, openTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/test-db.js';
import { startTestRuntime } from '../testing/test-runtime.js';

const TOKEN = 'test-admin-token-0123456789';
const ADMIN = { authorization: `Bearer ${TOKEN}` };
const [RESTAURANT, BARBERSHOP] = DEMO_OWNERS;
/** The full demo seed (as `npm start` does it) on the shared, loaded CI machine takes well over the default. */
const BOOT_TIMEOUT_MS = 120_000;

/** The composed app as `npm start` serves it: accounts at the root, the tenant API behind its gate. */
describe.each(testDatabaseKinds())('accounts mounted; the tenant scope behind the gate (%s)', (kind) => {
  let runtime: Runtime;
  let pg: TestDatabase | undefined;
  beforeAll(async () => {
    if (kind === 'postgres') pg = await openRuntimeTestDatabase('postgres');
    runtime = await startTestRuntime({ env: { VOZ_ADMIN_TOKEN: TOKEN }, ...(pg?.url ? { databaseUrl: pg.url } : {}) });
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await runtime?.close();
    await pg?.close();
  });

  async function signIn(email: string, password: string) {
    const res = await runtime.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name.endsWith('voz_session'))!;
    return { res, cookie: `${c.name}=${c.value}`, csrf: res.json().csrf_token as string };
  }

  it('the demo owner signs in, is known to /api/auth/me and reads her tenant', async () => {
    const { res, cookie } = await signIn(RESTAURANT.email, RESTAURANT.password);
    expect(res.json().user).toEqual({ email: RESTAURANT.email, tenant_id: 'demo_restaurant', role: 'owner' });
    const me = await runtime.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.tenant_id).toBe('demo_restaurant');
    const profile = await runtime.app.inject({ url: '/api/tenants/demo_restaurant/profile', headers: { cookie } });
    expect(profile.statusCode).toBe(200);
    expect(profile.json()).toMatchObject({ id: 'demo_restaurant', vertical: 'restaurant', time_zone: 'America/New_York', status: 'active' });
    expect(profile.json().areas).toContain('orders');
    expect(profile.json().areas).not.toContain('appointments');
  });

  it("another tenant's owner gets 404 and no data; no session gets 401", async () => {
    const { cookie } = await signIn(BARBERSHOP.email, BARBERSHOP.password);
    const other = await runtime.app.inject({ url: '/api/tenants/demo_restaurant/profile', headers: { cookie } });
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('Luigi');
    expect((await runtime.app.inject({ url: '/api/tenants/demo_barbershop/profile', headers: { cookie } })).statusCode).toBe(200);
    expect((await runtime.app.inject({ url: '/api/tenants/demo_restaurant/profile' })).statusCode).toBe(401);
  });

  it("the Today page: the tenant's last days from the demo history, agreeing with a POST query of the same spec", async () => {
    const res = await runtime.app.inject({ url: '/api/tenants/demo_restaurant/dashboard?days=7', headers: ADMIN });
    expect(res.statusCode).toBe(200);
    const board = Dashboard.parse(res.json());
    expect(board.days).toHaveLength(7);
    expect(board.today).toBe(board.days.at(-1)!.date);
    expect(board.time_zone).toBe('America/New_York');
    const orders = board.days.reduce((n, d) => n + d.orders, 0);
    expect(orders).toBeGreaterThan(0);
    const { spec } = dashboardSpecs(board.days[0]!.date, DateTime.fromISO(board.today).plus({ days: 1 }).toISODate()!)[2]!;
    const asked = await runtime.app.inject({ method: 'POST', url: '/api/tenants/demo_restaurant/query', headers: ADMIN, payload: { spec } });
    expect(asked.json().rows.reduce((n: number, r: { orders: number }) => n + Number(r.orders), 0)).toBe(orders);
    expect((await runtime.app.inject({ url: '/api/tenants/demo_restaurant/dashboard?days=900', headers: ADMIN })).json()).toMatchObject({ error: 'invalid', field: 'days' });
  });

  it('the admin bearer acts for any existing tenant; a wrong one is no admin', async () => {
    expect((await runtime.app.inject({ url: '/api/tenants/demo_barbershop/profile', headers: ADMIN })).statusCode).toBe(200);
    expect((await runtime.app.inject({ url: '/api/tenants/nobody_here/profile', headers: ADMIN })).statusCode).toBe(404);
    const wrong = await runtime.app.inject({ url: '/api/tenants/demo_barbershop/profile', headers: { authorization: 'Bearer not-the-token-at-all' } });
    expect(wrong.statusCode).toBe(401);
  });

  it('admin routes live under /api/admin behind the bearer; the admin adds a staff member who can sign in', async () => {
    expect((await runtime.app.inject({ url: '/api/admin/features' })).statusCode).toBe(401);
    expect((await runtime.app.inject({ url: '/api/admin/features', headers: ADMIN })).statusCode).toBe(200);
    const owners = await runtime.app.inject({ url: '/api/admin/tenants/demo_restaurant/owners', headers: ADMIN });
    expect(owners.json().items.map((o: { email: string }) => o.email)).toEqual([RESTAURANT.email]);
    const added = await runtime.app.inject({
      method: 'POST',
      url: '/api/admin/tenants/demo_restaurant/owners',
      headers: ADMIN,
      payload: { email: 'staff@demo-restaurant.test', password: 'a-staff-password', role: 'staff' },
    });
    expect(added.statusCode).toBe(201);
    const { res } = await signIn('staff@demo-restaurant.test', 'a-staff-password');
    expect(res.json().user.role).toBe('staff');
    const noToken = await runtime.app.inject({ method: 'POST', url: '/api/admin/tenants/demo_restaurant/owners', payload: { email: 'x@y.test', password: 'a-long-password', role: 'staff' } });
    expect(noToken.statusCode).toBe(401);
  });
});

describe.each(testDatabaseKinds().filter((k) => k === 'postgres'))('two instances on one %s database', () => {
  let db: TestDatabase;
  const runtimes: Runtime[] = [];
  afterAll(async () => {
    for (const r of runtimes) await r.close();
    await db?.close();
  });

  it('seed the demo owners once; a login lockout earned on one holds on the other; a session works on both', async () => {
    db = await openTestDatabase('postgres');
    runtimes.push(...(await Promise.all([startTestRuntime({ databaseUrl: db.url }), startTestRuntime({ databaseUrl: db.url })])));
    const [a, b] = runtimes as [Runtime, Runtime];
    expect((await a.core.accounts.users.listByTenant('demo_restaurant')).map((u) => u.email)).toEqual([RESTAURANT.email]);

    const login = (r: Runtime, password: string) => r.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: BARBERSHOP.email, password } });
    const session = await login(b, BARBERSHOP.password);
    expect(session.statusCode).toBe(200);
    const c = session.cookies.find((x) => x.name.endsWith('voz_session'))!;
    expect((await a.app.inject({ url: '/api/auth/me', headers: { cookie: `${c.name}=${c.value}` } })).statusCode).toBe(200);

    for (let i = 0; i < 5; i++) expect((await login(a, 'not-the-password')).statusCode).toBe(401);
    const locked = await login(b, BARBERSHOP.password);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  }, 2 * BOOT_TIMEOUT_MS);
});
