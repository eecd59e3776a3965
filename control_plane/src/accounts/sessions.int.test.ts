import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../backend/src/testing/test-db.js';
import { ADMIN, buildAccountsApp, FakeClock, openAccountsDb, signIn, type AccountsTestDb } from '../testing/accounts-app.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const PASSWORD = 'session-test-password';

describe.each(testDatabaseKinds())('session lifetimes (%s)', (kind) => {
  let t: AccountsTestDb;
  let app: FastifyInstance;
  const clock = new FakeClock();
  let n = 0;
  const session = async () => {
    const email = `s${++n}@sessions.test`;
    await app.inject({ method: 'POST', url: '/api/admin/tenants/t_alpha/owners', headers: ADMIN, payload: { email, password: PASSWORD } });
    return signIn(app, email, PASSWORD);
  };
  const me = async (cookie: string) => (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode;
  const lastSeen = async (cookie: string) => {
    const id = cookie.split('=')[1]!.split('.')[0]!;
    const row = await t.db.selectFrom('sessions').select('last_seen_at').where('id', '=', id).executeTakeFirst();
    return row ? new Date(row.last_seen_at).getTime() : null;
  };

  beforeAll(async () => {
    t = await openAccountsDb(kind);
    ({ app } = await buildAccountsApp({ db: t.db, clock }));
  });
  afterAll(async () => {
    await app?.close();
    await t?.handle.close();
  });

  it('ends after 7 idle days, and deletes the row', async () => {
    const s = await session();
    clock.advance(7 * DAY - MINUTE);
    expect(await me(s.cookie)).toBe(200);
    clock.advance(7 * DAY);
    expect(await me(s.cookie)).toBe(401);
    expect(await lastSeen(s.cookie)).toBeNull();
  });

  it('writes last_seen_at at most hourly', async () => {
    const s = await session();
    const first = await lastSeen(s.cookie);
    clock.advance(30 * MINUTE);
    expect(await me(s.cookie)).toBe(200);
    expect(await lastSeen(s.cookie)).toBe(first);
    clock.advance(31 * MINUTE);
    expect(await me(s.cookie)).toBe(200);
    expect(await lastSeen(s.cookie)).toBe(clock.now().getTime());
  });

  it('ends 30 days after sign-in however active it is', async () => {
    const s = await session();
    for (let day = 6; day < 30; day += 6) {
      clock.advance(6 * DAY);
      expect(await me(s.cookie)).toBe(200);
    }
    clock.advance(6 * DAY); // day 30
    expect(await me(s.cookie)).toBe(401);
  });

  it('gives the cookie a Max-Age of what is left of the 30 days', async () => {
    const email = `s${++n}@sessions.test`;
    await app.inject({ method: 'POST', url: '/api/admin/tenants/t_alpha/owners', headers: ADMIN, payload: { email, password: PASSWORD } });
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD } });
    expect(String(res.headers['set-cookie'])).toContain(`Max-Age=${30 * 24 * 3600}`);
  });
});
