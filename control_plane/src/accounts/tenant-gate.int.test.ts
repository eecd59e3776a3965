import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../backend/src/testing/test-db.js';
import { ADMIN, buildAccountsApp, FakeClock, openAccountsDb, portalWrite, signIn, type AccountsTestDb } from '../testing/accounts-app.js';
import { tenantGatePlugin } from './tenant-gate.js';

const PASSWORD = 'gate-test-password';
type Who = 'nobody' | 'alpha_owner' | 'alpha_staff' | 'beta_owner' | 'admin';

// Route × principal → status. Data (a body with `principal`) only on 2xx.
const MATRIX: { method: 'GET' | 'POST'; url: string; expect: Record<Who, number> }[] = [
  { method: 'GET', url: '/api/tenants/t_alpha/orders', expect: { nobody: 401, alpha_owner: 200, alpha_staff: 200, beta_owner: 404, admin: 200 } },
  { method: 'POST', url: '/api/tenants/t_alpha/orders/o1/status', expect: { nobody: 401, alpha_owner: 200, alpha_staff: 200, beta_owner: 404, admin: 200 } },
  { method: 'GET', url: '/api/tenants/t_alpha/settings', expect: { nobody: 401, alpha_owner: 200, alpha_staff: 403, beta_owner: 404, admin: 200 } },
  { method: 'GET', url: '/api/tenants/t_nowhere/orders', expect: { nobody: 401, alpha_owner: 404, alpha_staff: 404, beta_owner: 404, admin: 404 } },
];

describe.each(testDatabaseKinds())('the tenant gate (%s)', (kind) => {
  let t: AccountsTestDb;
  let app: FastifyInstance;
  const headers: Partial<Record<Who, Record<string, string>>> = { nobody: {}, admin: { ...ADMIN } };

  beforeAll(async () => {
    t = await openAccountsDb(kind);
    ({ app } = await buildAccountsApp({ db: t.db, clock: new FakeClock() }));
    const people: [Who, string, string, string][] = [
      ['alpha_owner', 't_alpha', 'owner', 'owner@alpha.test'],
      ['alpha_staff', 't_alpha', 'staff', 'staff@alpha.test'],
      ['beta_owner', 't_beta', 'owner', 'owner@beta.test'],
    ];
    for (const [who, tenant, role, email] of people) {
      await app.inject({ method: 'POST', url: `/api/admin/tenants/${tenant}/owners`, headers: ADMIN, payload: { email, password: PASSWORD, role } });
      headers[who] = portalWrite(await signIn(app, email, PASSWORD));
    }
  });
  afterAll(async () => {
    await app?.close();
    await t?.handle.close();
  });

  for (const route of MATRIX) {
    for (const [who, status] of Object.entries(route.expect) as [Who, number][]) {
      it(`${route.method} ${route.url} as ${who} → ${status}`, async () => {
        const res = await app.inject({ method: route.method, url: route.url, headers: headers[who]! });
        expect(res.statusCode).toBe(status);
        if (status !== 200) {
          expect(Object.keys(res.json()).sort()).toEqual(['error', 'message']);
          expect(res.body).not.toContain('t_alpha');
        }
      });
    }
  }

  it('sets a typed principal: the user with their role, or the admin acting for the tenant', async () => {
    const asStaff = await app.inject({ method: 'GET', url: '/api/tenants/t_alpha/orders', headers: headers.alpha_staff! });
    expect(asStaff.json().principal).toMatchObject({ kind: 'user', tenantId: 't_alpha', role: 'staff', email: 'staff@alpha.test' });
    const asAdmin = await app.inject({ method: 'GET', url: '/api/tenants/t_alpha/orders', headers: ADMIN });
    expect(asAdmin.json().principal).toEqual({ kind: 'admin', tenantId: 't_alpha' });
  });

  it('refuses to boot a gate without the accounts plugin', async () => {
    const bare = Fastify();
    bare.register(tenantGatePlugin({ hasAdminBearer: () => false, tenantExists: async () => true, session: async () => null }));
    await expect(bare.ready()).rejects.toThrow(/vozlia-accounts/);
    await bare.close();
  });
});
