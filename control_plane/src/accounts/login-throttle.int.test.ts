import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../../backend/src/storage/database.js';
import { testDatabaseKinds } from '../../../backend/src/testing/test-db.js';
import { ADMIN, buildAccountsApp, FakeClock, openAccountsDb, type AccountsTestDb } from '../testing/accounts-app.js';
import { throttleKeys } from './login-throttle.js';
import { PasswordHasher } from './passwords.js';
import type { AccountsDatabase } from './tables.js';

const MINUTE = 60_000;
const PASSWORD = 'throttle-test-password';

describe.each(testDatabaseKinds())('login throttling in the database (%s)', (kind) => {
  let t: AccountsTestDb;
  let second: DatabaseHandle | undefined;
  let a: FastifyInstance;
  let b: FastifyInstance;
  const clock = new FakeClock();
  let n = 0;
  let ipN = 0;
  const freshIp = () => `198.51.100.${++ipN}`;
  const newOwner = async () => {
    const email = `t${++n}@throttle.test`;
    const res = await a.inject({ method: 'POST', url: '/api/admin/tenants/t_alpha/owners', headers: ADMIN, payload: { email, password: PASSWORD } });
    expect(res.statusCode).toBe(201);
    return email;
  };
  const login = (app: FastifyInstance, email: string, password: string, ip: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });

  beforeAll(async () => {
    t = await openAccountsDb(kind);
    // Two instances: on PostgreSQL each has its own pool on the one database; PGlite is one process.
    second = t.handle.url ? await openDatabase({ databaseUrl: t.handle.url }) : undefined;
    const secondDb = (second?.db ?? t.db) as unknown as Kysely<AccountsDatabase>;
    ({ app: a } = await buildAccountsApp({ db: t.db, clock }));
    ({ app: b } = await buildAccountsApp({ db: secondDb, clock }));
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await second?.close();
    await t?.handle.close();
  });

  it('blocks an email for 15 minutes after 5 failures, from any address, before hashing anything', async () => {
    const email = await newOwner();
    for (let i = 0; i < 5; i++) expect((await login(a, email, 'wrong-password', freshIp())).statusCode).toBe(401);
    const verify = vi.spyOn(PasswordHasher.prototype, 'verifyOrDummy');
    const refused = await login(a, email, PASSWORD, freshIp());
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('900');
    expect(refused.json()).toMatchObject({ error: 'too_many_attempts' });
    expect(verify).not.toHaveBeenCalled();
    verify.mockRestore();

    // Refused tries do not count: hammering while blocked does not extend the block.
    clock.advance(10 * MINUTE);
    for (let i = 0; i < 3; i++) expect((await login(a, email, 'wrong-password', freshIp())).headers['retry-after']).toBe('300');
    clock.advance(5 * MINUTE);
    expect((await login(a, email, PASSWORD, freshIp())).statusCode).toBe(200);
  });

  it('resets on success', async () => {
    const email = await newOwner();
    for (let i = 0; i < 4; i++) await login(a, email, 'wrong-password', freshIp());
    expect((await login(a, email, PASSWORD, freshIp())).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(a, email, 'wrong-password', freshIp())).statusCode).toBe(401);
    expect((await login(a, email, PASSWORD, freshIp())).statusCode).toBe(200);
  });

  it('forgets failures once the 15-minute window has passed', async () => {
    const email = await newOwner();
    for (let i = 0; i < 4; i++) await login(a, email, 'wrong-password', freshIp());
    clock.advance(15 * MINUTE);
    for (let i = 0; i < 4; i++) expect((await login(a, email, 'wrong-password', freshIp())).statusCode).toBe(401);
    expect((await login(a, email, PASSWORD, freshIp())).statusCode).toBe(200);
  });

  it('blocks a client address for 10 minutes after 10 failures in a row, whatever the emails', async () => {
    const ip = freshIp();
    for (let i = 0; i < 10; i++) expect((await login(a, `guess${i}@throttle.test`, 'wrong-password', ip)).statusCode).toBe(401);
    const email = await newOwner();
    const refused = await login(a, email, PASSWORD, ip);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('600');
    expect((await login(a, email, PASSWORD, freshIp())).statusCode).toBe(200);
    clock.advance(10 * MINUTE);
    expect((await login(a, email, PASSWORD, ip)).statusCode).toBe(200);
  });

  it('holds across two instances on one database, at once', async () => {
    const email = await newOwner();
    for (let i = 0; i < 3; i++) await login(a, email, 'wrong-password', freshIp());
    for (let i = 0; i < 2; i++) await login(b, email, 'wrong-password', freshIp());
    expect((await login(b, email, PASSWORD, freshIp())).statusCode).toBe(429);
    expect((await login(a, email, PASSWORD, freshIp())).statusCode).toBe(429);
  });

  it('counts failures arriving at the same moment on both instances', async () => {
    const email = await newOwner();
    await Promise.all([0, 1, 2, 3, 4].map((i) => login(i % 2 ? a : b, email, 'wrong-password', freshIp())));
    const { failures } = await t.db.selectFrom('login_attempts').select('failures').where('key', '=', throttleKeys(email, '').email).executeTakeFirstOrThrow();
    expect(failures).toBe(5);
    expect((await login(a, email, PASSWORD, freshIp())).statusCode).toBe(429);
  });
});
