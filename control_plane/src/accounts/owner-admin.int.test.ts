import { Owner, OwnerList } from '@vozlia/contract';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../backend/src/testing/test-db.js';
import { ADMIN, buildAccountsApp, FakeClock, openAccountsDb, signIn, type AccountsTestDb } from '../testing/accounts-app.js';

const PASSWORD = 'owner-admin-password';

describe.each(testDatabaseKinds())('admin: a tenant’s owners (%s)', (kind) => {
  let t: AccountsTestDb;
  let app: FastifyInstance;
  const add = (payload: unknown, tenant = 't_alpha', headers: Record<string, string> = ADMIN) =>
    app.inject({ method: 'POST', url: `/api/admin/tenants/${tenant}/owners`, headers, payload: payload as object });
  const me = async (cookie: string) => (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode;

  beforeAll(async () => {
    t = await openAccountsDb(kind);
    ({ app } = await buildAccountsApp({ db: t.db, clock: new FakeClock() }));
  });
  afterAll(async () => {
    await app?.close();
    await t?.handle.close();
  });

  it('adds an owner: 201 with the account, never the password', async () => {
    const res = await add({ email: 'New.Owner@Example.test', password: PASSWORD, role: 'owner' });
    expect(res.statusCode).toBe(201);
    const owner = Owner.parse(res.json());
    expect(owner).toMatchObject({ email: 'new.owner@example.test', tenant_id: 't_alpha', role: 'owner' });
    expect(res.body).not.toContain(PASSWORD);
    expect(res.body).not.toContain('argon2');
    const staff = await add({ email: 'staff@example.test', password: PASSWORD, role: 'staff' });
    expect(staff.json().role).toBe('staff');
    expect((await add({ email: 'default-role@example.test', password: PASSWORD })).json().role).toBe('owner');
  });

  it('answers 409 for an email any tenant already uses, whatever its case', async () => {
    await add({ email: 'taken@example.test', password: PASSWORD });
    const res = await add({ email: 'TAKEN@example.test', password: PASSWORD }, 't_beta');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: 'email_taken', field: 'email' });
  });

  it.each<[unknown, string]>([
    [{ email: 'nope', password: PASSWORD }, 'email'],
    [{ email: 'x@example.test', password: 'short' }, 'password'],
    [{ email: 'x@example.test', password: 'y'.repeat(257) }, 'password'],
    [{ email: 'x@example.test', password: PASSWORD, role: 'admin' }, 'role'],
    [{ password: PASSWORD }, 'email'],
  ])('answers 400 naming the field for %j', async (payload, field) => {
    const res = await add(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid', field });
  });

  it('answers 401 without the admin bearer and 404 for a tenant that does not exist', async () => {
    expect((await add({ email: 'y@example.test', password: PASSWORD }, 't_alpha', {})).statusCode).toBe(401);
    expect((await add({ email: 'y@example.test', password: PASSWORD }, 't_nowhere')).statusCode).toBe(404);
  });

  it('lists a tenant’s accounts and nobody else’s', async () => {
    await add({ email: 'beta-only@example.test', password: PASSWORD }, 't_beta');
    const res = await app.inject({ method: 'GET', url: '/api/admin/tenants/t_beta/owners', headers: ADMIN });
    const list = OwnerList.parse(res.json());
    expect(list.items.map((o) => o.email)).toEqual(['beta-only@example.test']);
  });

  it('resets a password: every session of that user ends and the new password works', async () => {
    const { id } = (await add({ email: 'forgetful@example.test', password: PASSWORD })).json();
    const s = await signIn(app, 'forgetful@example.test', PASSWORD);
    const reset = (tenant: string, body: unknown) => app.inject({ method: 'PUT', url: `/api/admin/tenants/${tenant}/owners/${id}/password`, headers: ADMIN, payload: body as object });
    expect((await reset('t_alpha', { password: 'x' })).json()).toMatchObject({ field: 'password' });
    expect((await reset('t_beta', { password: 'brand-new-password' })).statusCode).toBe(404);
    expect((await reset('t_alpha', { password: 'brand-new-password' })).statusCode).toBe(204);
    expect(await me(s.cookie)).toBe(401);
    await signIn(app, 'forgetful@example.test', 'brand-new-password');
  });

  it('removes a user: their sessions end and they cannot sign in', async () => {
    const { id } = (await add({ email: 'leaving@example.test', password: PASSWORD })).json();
    const s = await signIn(app, 'leaving@example.test', PASSWORD);
    expect((await app.inject({ method: 'DELETE', url: `/api/admin/tenants/t_beta/owners/${id}`, headers: ADMIN })).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: `/api/admin/tenants/t_alpha/owners/${id}`, headers: ADMIN })).statusCode).toBe(204);
    expect(await me(s.cookie)).toBe(401);
    const again = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'leaving@example.test', password: PASSWORD } });
    expect(again.statusCode).toBe(401);
    expect((await app.inject({ method: 'DELETE', url: `/api/admin/tenants/t_alpha/owners/${id}`, headers: ADMIN })).statusCode).toBe(404);
  });
});
