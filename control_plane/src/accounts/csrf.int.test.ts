import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../backend/src/testing/test-db.js';
import { ADMIN, buildAccountsApp, FakeClock, openAccountsDb, signIn, type AccountsTestDb } from '../testing/accounts-app.js';

const PORTAL = 'https://portal.example.com';
const PASSWORD = 'csrf-test-password';

describe.each(testDatabaseKinds())('CSRF on cookie-authenticated writes (%s)', (kind) => {
  let t: AccountsTestDb;
  let app: FastifyInstance;
  let s: { cookie: string; csrf: string };
  let other: { cookie: string; csrf: string };
  const write = (url: string, headers: Record<string, string>) => app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', ...headers }, payload: '{}' });
  const ORDER = '/api/tenants/t_alpha/orders/o1/status';

  beforeAll(async () => {
    t = await openAccountsDb(kind);
    ({ app } = await buildAccountsApp({ db: t.db, clock: new FakeClock() }));
    for (const email of ['a@csrf.test', 'b@csrf.test']) {
      await app.inject({ method: 'POST', url: '/api/admin/tenants/t_alpha/owners', headers: ADMIN, payload: { email, password: PASSWORD } });
    }
    s = await signIn(app, 'a@csrf.test', PASSWORD);
    other = await signIn(app, 'b@csrf.test', PASSWORD);
  });
  afterAll(async () => {
    await app?.close();
    await t?.handle.close();
  });

  it('accepts the portal’s own write: same Origin and the session’s token', async () => {
    expect((await write(ORDER, { cookie: s.cookie, origin: PORTAL, 'x-csrf-token': s.csrf })).statusCode).toBe(200);
    // The origin the browser dialled (Host) counts as ours too, e.g. http://127.0.0.1:3000 in development.
    expect((await write(ORDER, { cookie: s.cookie, origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000', 'x-csrf-token': s.csrf })).statusCode).toBe(200);
  });

  it.each<[string, Record<string, string>]>([
    ['a foreign Origin, even with the right token', { origin: 'https://evil.example' }],
    ['Origin: null', { origin: 'null' }],
    ['a foreign Referer without Origin', { referer: 'https://evil.example/x' }],
    ['Sec-Fetch-Site: cross-site', { origin: PORTAL, 'sec-fetch-site': 'cross-site' }],
  ])('refuses %s with 403', async (_name, headers) => {
    const res = await write(ORDER, { cookie: s.cookie, 'x-csrf-token': s.csrf, ...headers });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ error: 'csrf', message: 'cross-site request refused' });
  });

  it('refuses a form-encoded body when the browser named no origin', async () => {
    const res = await app.inject({ method: 'POST', url: ORDER, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'status=ready' });
    expect(res.statusCode).toBe(403);
  });

  it('refuses a missing token, and another session’s token, with 403', async () => {
    for (const token of [undefined, other.csrf, 'x'.repeat(43)]) {
      const res = await write(ORDER, { cookie: s.cookie, origin: PORTAL, ...(token ? { 'x-csrf-token': token } : {}) });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: 'csrf_token' });
    }
  });

  it('guards every unsafe method, and the auth routes too', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      expect((await app.inject({ method, url: ORDER, headers: { cookie: s.cookie, origin: 'https://evil.example' } })).statusCode).toBe(403);
    }
    expect((await write('/api/auth/logout', { cookie: s.cookie, origin: PORTAL })).statusCode).toBe(403);
    expect((await write('/api/auth/password', { cookie: s.cookie, origin: 'https://evil.example', 'x-csrf-token': s.csrf })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(200);
  });

  it('checks the Origin of a sign-in (login CSRF) but needs no token for it', async () => {
    const login = (headers: Record<string, string>) => app.inject({ method: 'POST', url: '/api/auth/login', headers, payload: { email: 'a@csrf.test', password: PASSWORD } });
    expect((await login({ origin: 'https://evil.example' })).statusCode).toBe(403);
    expect((await login({ origin: PORTAL })).statusCode).toBe(200);
    expect((await login({})).statusCode).toBe(200);
  });

  it('does not apply to the admin bearer, nor outside /api', async () => {
    expect((await write('/api/admin/ping', { ...ADMIN, origin: 'https://evil.example' })).statusCode).toBe(200);
    expect((await write(ORDER, { ...ADMIN, cookie: s.cookie, origin: 'https://evil.example' })).statusCode).toBe(200);
    expect((await write('/twilio/voice', { cookie: s.cookie, origin: 'https://evil.example' })).statusCode).toBe(200);
    // A bearer that is not the admin's is no exemption.
    expect((await write(ORDER, { authorization: 'Bearer guess', cookie: s.cookie, origin: 'https://evil.example' })).statusCode).toBe(403);
  });

  it('never answers a CORS preflight with permission, so a foreign page cannot send JSON with the cookie', async () => {
    const res = await app.inject({
      method: 'OPTIONS',
      url: ORDER,
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-csrf-token' },
    });
    expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('lets a write with a dead cookie through to the route, which answers 401', async () => {
    const dead = s.cookie.replace(/\.[^.]+$/, `.${'A'.repeat(43)}`);
    expect((await write(ORDER, { cookie: dead, origin: PORTAL })).statusCode).toBe(401);
  });
});
