import { SessionInfo } from '@vozlia/contract';
import { parseOptions } from '@node-rs/argon2';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDatabaseKinds } from '../../../backend/src/testing/test-db.js';
import {
  ADMIN,
  buildAccountsApp,
  FakeClock,
  memoryLogger,
  openAccountsDb,
  portalWrite,
  sessionCookieOf,
  signIn,
  type AccountsTestDb,
} from '../testing/accounts-app.js';
import type { Accounts } from './accounts.js';
import { PasswordHasher } from './passwords.js';

const PASSWORD = 'correct-horse-battery';

describe.each(testDatabaseKinds())('sign-in, me, logout, password (%s)', (kind) => {
  let t: AccountsTestDb;
  let app: FastifyInstance;
  let accounts: Accounts;
  const logs = memoryLogger();
  const clock = new FakeClock();
  let n = 0;
  /** A fresh owner per test, so tests share the database without sharing state. */
  const newOwner = async (role: 'owner' | 'staff' = 'owner') => {
    const email = `owner${++n}@flow.test`;
    const res = await app.inject({ method: 'POST', url: '/api/admin/tenants/t_alpha/owners', headers: ADMIN, payload: { email, password: PASSWORD, role } });
    expect(res.statusCode).toBe(201);
    return email;
  };

  beforeAll(async () => {
    t = await openAccountsDb(kind);
    ({ app, accounts } = await buildAccountsApp({ db: t.db, clock, log: logs.log }));
  });
  afterAll(async () => {
    await app?.close();
    await t?.handle.close();
  });

  it('signs in: 200 with the user and a CSRF token, and a Secure HttpOnly Lax session cookie', async () => {
    const email = await newOwner();
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: ` ${email.toUpperCase()} `, password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    const body = SessionInfo.parse(res.json());
    expect(body.user).toEqual({ email, tenant_id: 't_alpha', role: 'owner' });
    expect(body.csrf_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^__Host-voz_session=[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43};/);
    for (const attr of ['Max-Age=2592000', 'Path=/', 'HttpOnly', 'Secure', 'SameSite=Lax']) expect(setCookie).toContain(attr);
    expect(setCookie).not.toContain('Domain');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('GET /api/auth/me answers the same user and token with the cookie, 401 without', async () => {
    const email = await newOwner('staff');
    const s = await signIn(app, email, PASSWORD);
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({ user: { email, tenant_id: 't_alpha', role: 'staff' }, csrf_token: s.csrf });
    expect((await app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const forged = s.cookie.replace(/\.[^.]+$/, `.${'A'.repeat(43)}`);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: forged } })).statusCode).toBe(401);
  });

  it('answers a wrong password and an unknown email with the same 401, each after one password verification', async () => {
    const email = await newOwner();
    const verify = vi.spyOn(PasswordHasher.prototype, 'verifyOrDummy');
    const attempt = (e: string) => app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: e, password: 'not-the-password' }, remoteAddress: `10.9.0.${n}` });
    const wrong = await attempt(email);
    const unknown = await attempt(`nobody${n}@flow.test`);
    // The hasher runs a full-cost argon2 check against a dummy when there is no user (passwords.test.ts).
    expect(verify.mock.calls.map(([stored]) => (stored === undefined ? 'dummy' : 'stored'))).toEqual(['stored', 'dummy']);
    verify.mockRestore();
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.body).toBe(wrong.body);
    expect(wrong.json()).toEqual({ error: 'invalid_credentials', message: 'email or password is wrong' });
    expect(unknown.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a malformed body with 400 naming the field', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'not-an-email', password: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid', field: 'email' });
    const noBody = await app.inject({ method: 'POST', url: '/api/auth/login' });
    expect(noBody.statusCode).toBe(400);
  });

  it('rotates: each sign-in is a new session, and signing in over a session ends the old one', async () => {
    const email = await newOwner();
    const a = await signIn(app, email, PASSWORD);
    const b = await signIn(app, email, PASSWORD);
    expect(a.cookie).not.toBe(b.cookie);
    expect(a.csrf).not.toBe(b.csrf);
    const over = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { cookie: a.cookie }, payload: { email, password: PASSWORD } });
    expect(over.statusCode).toBe(200);
    expect(sessionCookieOf(over)).not.toBe(a.cookie);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: a.cookie } })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: b.cookie } })).statusCode).toBe(200);
  });

  it('logs out: 204, the cookie is cleared and the row is gone, so the old cookie is dead everywhere', async () => {
    const email = await newOwner();
    const s = await signIn(app, email, PASSWORD);
    const before = await t.db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id').select('sessions.id').where('users.email', '=', email).execute();
    expect(before).toHaveLength(1);
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: portalWrite(s) });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/__Host-voz_session=;.*Max-Age=0/);
    expect(await t.db.selectFrom('sessions').select('id').where('id', '=', before[0]!.id).execute()).toEqual([]);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);
    // Again, with the dead cookie: still 204.
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout', headers: portalWrite(s) })).statusCode).toBe(204);
  });

  it('changes one’s own password: other sessions end, this one stays, the old password stops working', async () => {
    const email = await newOwner();
    const here = await signIn(app, email, PASSWORD);
    const elsewhere = await signIn(app, email, PASSWORD);
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/password', headers: portalWrite(here), payload: { current_password: 'nope-nope', new_password: 'new-password-1' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ error: 'wrong_password', field: 'current_password' });
    const short = await app.inject({ method: 'POST', url: '/api/auth/password', headers: portalWrite(here), payload: { current_password: PASSWORD, new_password: 'short' } });
    expect(short.json()).toMatchObject({ error: 'invalid', field: 'new_password' });

    const ok = await app.inject({ method: 'POST', url: '/api/auth/password', headers: portalWrite(here), payload: { current_password: PASSWORD, new_password: 'new-password-1' } });
    expect(ok.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: here.cookie } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: elsewhere.cookie } })).statusCode).toBe(401);
    const old = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD }, remoteAddress: '10.8.0.1' });
    expect(old.statusCode).toBe(401);
    await signIn(app, email, 'new-password-1');
    expect((await app.inject({ method: 'POST', url: '/api/auth/password', payload: { current_password: 'a', new_password: 'bbbbbbbbb' } })).statusCode).toBe(401);
  });

  it('upgrades a hash made with a weaker cost at the next sign-in', async () => {
    const email = await newOwner();
    const weak = await new PasswordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 }).hash(PASSWORD);
    await t.db.updateTable('users').set({ password_hash: weak }).where('email', '=', email).execute();
    await signIn(app, email, PASSWORD);
    const { password_hash } = await t.db.selectFrom('users').select('password_hash').where('email', '=', email).executeTakeFirstOrThrow();
    expect(parseOptions(password_hash)).toMatchObject({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    await signIn(app, email, PASSWORD);
  });

  it('never logs an email, a password, a session token or a CSRF token', async () => {
    const email = await newOwner();
    const s = await signIn(app, email, PASSWORD);
    await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'wrong-password' }, remoteAddress: '10.7.0.1' });
    await app.inject({ method: 'POST', url: '/api/auth/logout', headers: portalWrite(s) });
    const all = logs.lines.join('');
    expect(all).toContain('signed in');
    for (const secret of [email, PASSWORD, 'wrong-password', s.cookie.split('=')[1]!, s.csrf]) expect(all).not.toContain(secret);
  });

  it('purges expired sessions', async () => {
    const email = await newOwner();
    await signIn(app, email, PASSWORD);
    clock.advance(31 * 24 * 3600_000);
    const purged = await accounts.purgeExpired();
    expect(purged.sessions).toBeGreaterThan(0);
    expect(await t.db.selectFrom('sessions').select('id').execute()).toEqual([]);
  });
});
