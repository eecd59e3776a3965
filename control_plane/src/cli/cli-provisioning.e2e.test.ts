import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../../backend/src/main.js';
import { startTestRuntime } from '../../../backend/src/testing/test-runtime.js';
import { runCli } from './run-cli.js';

const ADMIN_TOKEN = 'cli-provisioning-admin-token';

// The CLI against the real server over a socket (PGlite: the CLI only talks HTTP).
describe('voz tenants … and codes … against a running server', () => {
  let runtime: Runtime;
  const voz = async (args: string[], token: string | undefined = ADMIN_TOKEN) => {
    const lines: string[] = [];
    const code = await runCli([...args, '--url', runtime.url!], { config: { adminToken: token }, out: (l) => lines.push(l), err: (l) => lines.push(l), stdinLine: async () => '' });
    return { code, text: lines.join('\n') };
  };

  beforeAll(async () => {
    runtime = await startTestRuntime({ listen: true, env: { VOZ_SEED_DEMO: '0', VOZ_ADMIN_TOKEN: ADMIN_TOKEN } });
  }, 180_000);
  afterAll(async () => {
    await runtime?.close();
  });

  it('creates a tenant, issues, lists and revokes a code, suspends, shows and deletes it', async () => {
    expect((await voz(['tenants', 'list'], 'not-the-token')).text).toMatch(/^voz: 401 unauthorized.*is VOZ_ADMIN_TOKEN the server’s token\?/);
    const created = await voz(['tenants', 'create', '--id', 'cli_cafe', '--name', 'CLI Café', '--vertical', 'generic', '--time-zone', 'Europe/Lisbon', '--phone', '+15550166001']);
    expect(created).toMatchObject({ code: 0, text: expect.stringContaining('status         active') });
    expect((await voz(['tenants', 'create', '--id', 'cli_two', '--name', 'Two', '--vertical', 'generic', '--time-zone', 'UTC', '--phone', '+15550166001'])).text).toBe(
      'voz: 409 number_taken: +15550166001 already belongs to a tenant (field phone_numbers)',
    );

    const issued = await voz(['codes', 'issue', '--tenant', 'cli_cafe', '--mode', 'owner', '--json']);
    const { id, code } = JSON.parse(issued.text) as { id: string; code: string };
    expect(code).toMatch(/^\d{8}$/);
    const listed = await voz(['codes', 'list', '--tenant', 'cli_cafe']);
    expect(listed.text).toMatch(new RegExp(`^id\\s+actor_mode\\s+created_at\\s+source\\n${id}\\s+owner\\s+\\S+\\s+control_plane$`));
    expect(listed.text).not.toContain(code);
    expect((await voz(['codes', 'revoke', '--tenant', 'cli_cafe', '--id', id])).text).toBe(`access code ${id} revoked`);
    expect((await voz(['codes', 'revoke', '--tenant', 'cli_cafe', '--id', id])).text).toBe('voz: 404 not_found: no such access code in this tenant');

    expect((await voz(['tenants', 'suspend', '--tenant', 'cli_cafe'])).text).toBe('tenant cli_cafe suspended');
    expect((await voz(['tenants', 'show', '--tenant', 'cli_cafe'])).text).toMatch(/status\s+suspended/);
    expect((await voz(['tenants', 'delete', '--tenant', 'cli_cafe'])).text).toBe('tenant cli_cafe deleted (history kept)');
    expect((await voz(['tenants', 'show', '--tenant', 'cli_cafe'])).text).toBe('voz: 404 not_found: no such tenant');
    expect((await voz(['tenants', 'delete', '--tenant', 'cli_cafe', '--purge'])).text).toBe('tenant cli_cafe deleted and purged');
    expect((await voz(['tenants', 'create', '--id', 'cli_cafe', '--name', 'Again', '--vertical', 'generic', '--time-zone', 'UTC'])).code).toBe(0);
  });
});
