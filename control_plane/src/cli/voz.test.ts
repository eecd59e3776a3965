import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const TOKEN = 'cli-test-admin-token-123456';

interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
  body: unknown;
}

/** A tiny admin API: records each request, answers from `reply` (default 200 `{}`). */
let seen: Seen[] = [];
let reply: (s: Seen) => { status: number; body?: unknown; raw?: string } = () => ({ status: 200, body: {} });
let server: Server;
let url: string;

async function handle(req: IncomingMessage, res: ServerResponse) {
  let text = '';
  for await (const chunk of req) text += chunk;
  const s: Seen = { method: req.method!, url: req.url!, authorization: req.headers.authorization, body: text ? JSON.parse(text) : undefined };
  seen.push(s);
  const r = reply(s);
  res.writeHead(r.status, { 'content-type': r.raw !== undefined ? 'text/html' : 'application/json' });
  res.end(r.raw ?? (r.body === undefined ? '' : JSON.stringify(r.body)));
}

async function voz(args: string[], opts: { token?: string | null; stdin?: string } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args.length ? [...args, '--url', url] : [], {
    config: { adminToken: opts.token === null ? undefined : (opts.token ?? TOKEN) },
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    stdinLine: async () => opts.stdin ?? '',
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen = [];
  reply = () => ({ status: 200, body: {} });
});

describe('voz CLI: requests', () => {
  it('tenants create: POST /api/admin/tenants with the contract body and the bearer', async () => {
    const tenant = { id: 'pizza_palace', name: 'Pizza Palace', vertical: 'restaurant', time_zone: 'America/Chicago', phone_numbers: ['+15550100009'], status: 'active' };
    reply = () => ({ status: 201, body: tenant });
    const r = await voz(['tenants', 'create', '--id', 'pizza_palace', '--name', 'Pizza Palace', '--vertical', 'restaurant', '--time-zone', 'America/Chicago', '--phone', '+15550100009']);
    expect(r.code).toBe(0);
    expect(seen).toEqual([
      {
        method: 'POST',
        url: '/api/admin/tenants',
        authorization: `Bearer ${TOKEN}`,
        body: { id: 'pizza_palace', name: 'Pizza Palace', vertical: 'restaurant', time_zone: 'America/Chicago', phone_numbers: ['+15550100009'] },
      },
    ]);
    expect(r.out).toContain('created tenant');
    expect(r.out).toMatch(/time_zone\s+America\/Chicago/);
    const json = await voz(['tenants', 'create', '--id', 'pizza_palace', '--name', 'P', '--vertical', 'generic', '--time-zone', 'UTC', '--json']);
    expect(JSON.parse(json.out)).toEqual(tenant);
  });

  it.each<[string[], string]>([
    [['tenants', 'create', '--name', 'X', '--vertical', 'generic', '--time-zone', 'UTC'], 'tenants create needs --id'],
    [['tenants', 'create', '--id', 'x1', '--name', 'X', '--vertical', 'pizzeria', '--time-zone', 'UTC'], '--vertical:'],
    [['tenants', 'create', '--id', 'x1', '--name', 'X', '--vertical', 'generic', '--time-zone', 'Mars/Olympus'], '--time-zone: must be an IANA time zone'],
    [['tenants', 'create', '--id', 'x1', '--name', 'X', '--vertical', 'generic', '--time-zone', 'UTC', '--phone', '555-0100'], '--phone: must be E.164'],
    [['tenants', 'suspend'], 'tenants suspend needs --tenant'],
    [['tenants', 'suspend', '--tenant', 'Bad Id'], 'is not a tenant id'],
    [['codes', 'issue', '--tenant', 't1', '--mode', 'boss'], '--mode:'],
    [['usage', '--tenant', 't1', '--period', '2026-13'], '--period must be YYYY-MM'],
    [['billing', 'close'], 'billing close needs --period'],
    [['owners', 'add', '--tenant', 't1', '--email', 'not-an-email', '--password', 'long-enough-1'], '--email:'],
    [['owners', 'add', '--tenant', 't1', '--email', 'a@b.test', '--password', 'short'], '--password: must be at least 8 characters'],
    [['tenants', 'list', '--colour'], "Unknown option '--colour'"],
  ])('refuses %j before sending anything (exit 2)', async (args, message) => {
    const r = await voz(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).toContain('usage: npm run voz --');
    expect(seen).toEqual([]);
  });

  it('tenants list / suspend / resume', async () => {
    reply = () => ({ status: 200, body: { items: [{ id: 'demo_restaurant', name: 'Demo', status: 'active', phone_numbers: ['+15550100001', '+15550100003'] }] } });
    const list = await voz(['tenants', 'list']);
    expect(list.out.split('\n')).toEqual(['id               name  status  phone_numbers', 'demo_restaurant  Demo  active  +15550100001,+15550100003']);
    reply = () => ({ status: 200, body: { tenants: [{ id: 'legacy_shape' }] } });
    expect((await voz(['tenants', 'list'])).out).toContain('legacy_shape');
    reply = () => ({ status: 200, body: { id: 'demo_restaurant', status: 'suspended' } });
    expect((await voz(['tenants', 'suspend', '--tenant', 'demo_restaurant'])).out).toBe('tenant demo_restaurant suspended');
    expect((await voz(['tenants', 'resume', '--tenant', 'demo_restaurant'])).out).toBe('tenant demo_restaurant resumed');
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET /api/admin/tenants',
      'GET /api/admin/tenants',
      'POST /api/admin/tenants/demo_restaurant/suspend',
      'POST /api/admin/tenants/demo_restaurant/resume',
    ]);
  });

  it('codes issue prints the code once; codes revoke deletes it', async () => {
    reply = () => ({ status: 201, body: { id: 'code_1', code: '48151623', actor_mode: 'owner' } });
    const issued = await voz(['codes', 'issue', '--tenant', 'pizza_palace', '--mode', 'owner']);
    expect(issued.out).toContain('access code 48151623 (owner), id code_1');
    reply = () => ({ status: 204 });
    const revoked = await voz(['codes', 'revoke', '--tenant', 'pizza_palace', '--id', 'code_1']);
    expect(revoked).toMatchObject({ code: 0, out: 'access code code_1 revoked' });
    expect(seen.map((s) => [s.method, s.url, s.body])).toEqual([
      ['POST', '/api/admin/tenants/pizza_palace/access-codes', { actor_mode: 'owner' }],
      ['DELETE', '/api/admin/tenants/pizza_palace/access-codes/code_1', undefined],
    ]);
    expect((await voz(['codes', 'revoke', '--tenant', 'pizza_palace', '--id', 'code_1', '--json'])).out).toBe('');
  });

  it('owners add takes the password from stdin, or makes one and shows it once', async () => {
    reply = (s) => ({ status: 201, body: { id: 'u1', email: (s.body as { email: string }).email, tenant_id: 'pizza_palace', role: 'owner', created_at: '2026-12-01T00:00:00.000Z' } });
    const fromStdin = await voz(['owners', 'add', '--tenant', 'pizza_palace', '--email', 'Boss@Pizza.test', '--password-stdin'], { stdin: 'from-stdin-secret' });
    expect(fromStdin.code).toBe(0);
    expect(seen[0]!.body).toEqual({ email: 'boss@pizza.test', password: 'from-stdin-secret', role: 'owner' });
    expect(fromStdin.out).not.toContain('from-stdin-secret');

    const generated = await voz(['owners', 'add', '--tenant', 'pizza_palace', '--email', 'staff@pizza.test', '--role', 'staff', '--json']);
    const sent = seen[1]!.body as { password: string; role: string };
    expect(sent.role).toBe('staff');
    expect(sent.password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(JSON.parse(generated.out)).toMatchObject({ id: 'u1', password: sent.password });
  });

  it('owners list / reset-password / remove', async () => {
    reply = () => ({ status: 200, body: { items: [] } });
    expect((await voz(['owners', 'list', '--tenant', 'pizza_palace'])).out).toBe('(none)');
    reply = () => ({ status: 204 });
    expect((await voz(['owners', 'reset-password', '--tenant', 'pizza_palace', '--id', 'u1', '--password-stdin'], { stdin: 'a-new-password' })).code).toBe(0);
    expect((await voz(['owners', 'remove', '--tenant', 'pizza_palace', '--id', 'u1'])).out).toBe('account u1 removed');
    expect(seen.map((s) => [s.method, s.url, s.body])).toEqual([
      ['GET', '/api/admin/tenants/pizza_palace/owners', undefined],
      ['PUT', '/api/admin/tenants/pizza_palace/owners/u1/password', { password: 'a-new-password' }],
      ['DELETE', '/api/admin/tenants/pizza_palace/owners/u1', undefined],
    ]);
  });

  it('usage and billing close', async () => {
    reply = () => ({ status: 200, body: { period: '2026-11', calls: 12, call_seconds: 900, billable_minutes: 20, ai_seconds: 700, sms_sent: 3, tool_runs: 5 } });
    const usage = await voz(['usage', '--tenant', 'demo_restaurant', '--period', '2026-11']);
    expect(usage.out).toMatch(/billable_minutes\s+20/);
    reply = () => ({
      status: 200,
      body: { invoices: [{ id: 'inv_1', tenant_id: 'demo_restaurant', period: '2026-11', status: 'open', total_cents: 4900, lines: [{ kind: 'monthly_fee', quantity: 1, unit_cents: 4900, amount_cents: 4900 }] }] },
    });
    const closed = await voz(['billing', 'close', '--period', '2026-11', '--tenant', 'demo_restaurant', '--final']);
    expect(closed.out).toMatch(/total_cents\s+4900/);
    expect(closed.out).toContain('monthly_fee');
    expect((await voz(['billing', 'close', '--period', '2026-10'])).code).toBe(0);
    expect(seen.map((s) => [s.method, s.url, s.body])).toEqual([
      ['GET', '/api/admin/tenants/demo_restaurant/usage?period=2026-11', undefined],
      ['POST', '/api/admin/billing/close', { period: '2026-11', tenant_id: 'demo_restaurant', final: true }],
      ['POST', '/api/admin/billing/close', { period: '2026-10' }],
    ]);
  });
});

describe('voz CLI: errors and help', () => {
  it('reports the server’s error in one line, naming the field (exit 1)', async () => {
    reply = () => ({ status: 409, body: { error: 'email_taken', message: 'an account with this email already exists', field: 'email' } });
    const r = await voz(['owners', 'add', '--tenant', 't1', '--email', 'a@b.test', '--password', 'long-enough-1']);
    expect(r).toMatchObject({ code: 1, out: '', err: 'voz: 409 email_taken: an account with this email already exists (field email)' });
  });

  it('hints at VOZ_ADMIN_TOKEN on 401, sends no Authorization without one, and never prints the token', async () => {
    reply = () => ({ status: 401, body: { error: 'unauthorized', message: 'admin token required' } });
    const without = await voz(['tenants', 'list'], { token: null });
    expect(without.err).toContain('set VOZ_ADMIN_TOKEN');
    expect(seen[0]!.authorization).toBeUndefined();
    const wrong = await voz(['tenants', 'list']);
    expect(wrong.err).toContain('is VOZ_ADMIN_TOKEN the server’s token?');
    expect(wrong.err + wrong.out).not.toContain(TOKEN);
  });

  it('says so when the server cannot be reached, or answers something that is not JSON', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const out: string[] = [];
    const code = await runCli(['tenants', 'list', '--url', `http://127.0.0.1:${port}`], { config: { adminToken: undefined }, out: (t) => out.push(t), err: (t) => out.push(t), stdinLine: async () => '' });
    expect(code).toBe(1);
    expect(out.join('')).toBe(`voz: cannot reach http://127.0.0.1:${port} (ECONNREFUSED): is the server running? --url points elsewhere`);
    reply = () => ({ status: 200, raw: '<html>proxy</html>' });
    expect((await voz(['tenants', 'list'])).err).toContain('not JSON');
    reply = () => ({ status: 502, raw: 'Bad Gateway' });
    expect((await voz(['tenants', 'list'])).err).toBe('voz: 502: Bad Gateway');
  });

  it('prints usage: all commands with no arguments, one command’s options with --help', async () => {
    const all = await voz([]);
    expect(all.code).toBe(0);
    for (const name of ['tenants create', 'tenants list', 'tenants suspend', 'tenants resume', 'codes issue', 'codes revoke', 'owners add', 'usage', 'billing close']) {
      expect(all.out).toContain(name);
    }
    const one = await voz(['codes', 'issue', '--help']);
    expect(one.out).toContain('--mode <value>');
    const unknown = await voz(['tenants']);
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.err).toContain('tenants needs one of: create, list, show, delete, suspend, resume');
    expect((await voz(['frobnicate'])).err).toContain('unknown command "frobnicate"');
    expect(seen).toEqual([]);
  });
});

describe('npm run voz', () => {
  it('runs from the repository root as a script', async () => {
    reply = () => ({ status: 200, body: { items: [{ id: 'from_npm' }] } });
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'voz', '--', 'tenants', 'list', '--json', '--url', url], {
      cwd: new URL('../../..', import.meta.url).pathname,
      env: { ...process.env, VOZ_ADMIN_TOKEN: TOKEN },
    });
    expect(JSON.parse(stdout)).toEqual({ items: [{ id: 'from_npm' }] });
    expect(seen[0]!.authorization).toBe(`Bearer ${TOKEN}`);
  }, 60_000); // npm and tsx start cold: seconds on a loaded machine
});
