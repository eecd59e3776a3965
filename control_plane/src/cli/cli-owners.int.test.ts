import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, buildAccountsApp, FakeClock, openAccountsDb, type AccountsTestDb } from '../testing/accounts-app.js';
import { runCli } from './run-cli.js';

// The CLI against the real owner routes over a socket (PGlite: the CLI only talks HTTP).
describe('voz owners … against the accounts routes', () => {
  let t: AccountsTestDb;
  let app: FastifyInstance;
  let url: string;
  const voz = async (args: string[], stdin = '') => {
    const lines: string[] = [];
    const code = await runCli([...args, '--url', url], { config: { adminToken: ADMIN_TOKEN }, out: (l) => lines.push(l), err: (l) => lines.push(l), stdinLine: async () => stdin });
    return { code, text: lines.join('\n') };
  };
  const login = (email: string, password: string) => app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });

  beforeAll(async () => {
    t = await openAccountsDb('pglite');
    ({ app } = await buildAccountsApp({ db: t.db, clock: new FakeClock() }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app?.close();
    await t?.handle.close();
  });

  it('adds an owner who can then sign in, lists, resets and removes them', async () => {
    const added = await voz(['owners', 'add', '--tenant', 't_alpha', '--email', 'cli@alpha.test', '--password-stdin', '--json'], 'cli-owner-password');
    expect(added.code).toBe(0);
    const { id } = JSON.parse(added.text) as { id: string };
    expect((await login('cli@alpha.test', 'cli-owner-password')).statusCode).toBe(200);

    expect((await voz(['owners', 'add', '--tenant', 't_alpha', '--email', 'cli@alpha.test', '--password', 'whatever-123'])).text).toBe(
      'voz: 409 email_taken: an account with this email already exists (field email)',
    );
    expect((await voz(['owners', 'list', '--tenant', 't_alpha'])).text).toMatch(new RegExp(`^id\\s+email\\s+tenant_id\\s+role\\s+created_at\\n${id}\\s+cli@alpha\\.test\\s+t_alpha\\s+owner`));

    const reset = await voz(['owners', 'reset-password', '--tenant', 't_alpha', '--id', id]);
    const generated = /password \(shown once\): (\S+)/.exec(reset.text)![1]!;
    expect((await login('cli@alpha.test', 'cli-owner-password')).statusCode).toBe(401);
    expect((await login('cli@alpha.test', generated)).statusCode).toBe(200);

    expect((await voz(['owners', 'remove', '--tenant', 't_alpha', '--id', id])).code).toBe(0);
    expect((await voz(['owners', 'remove', '--tenant', 't_alpha', '--id', id])).text).toBe('voz: 404 not_found: no such user in this tenant');
    expect((await voz(['owners', 'list', '--tenant', 't_nowhere'])).text).toBe('voz: 404 not_found: no such tenant');
  });
});
