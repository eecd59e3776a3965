import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../backend/src/testing/test-db.js';
import { ADMIN, ADMIN_TOKEN, BOOT_TIMEOUT_MS, startBillingEnv, type BillingTestEnv } from '../testing/billing-test-env.js';

const ZONE = 'America/New_York';
const LAST = DateTime.now().setZone(ZONE).minus({ months: 1 }).toFormat('yyyy-MM');
const CURRENT = DateTime.now().setZone(ZONE).toFormat('yyyy-MM');
const ROOT = new URL('../../..', import.meta.url).pathname;
/** tsx starts cold in every run: seconds each on a loaded machine. */
const CLI_TIMEOUT_MS = 120_000;
/** What `npm run voz` runs (package.json's script), minus npm's own start-up: voz.test.ts runs it through npm. */
const [VOZ_NODE, ...VOZ_ARGS] = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: { voz: string } }).scripts.voz.split(' ');
if (VOZ_NODE !== 'node') throw new Error(`the voz script no longer starts with node: ${VOZ_NODE}`);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run voz`'s command in a child process, against the server's port, token from the environment. */
async function voz(url: string, args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [...VOZ_ARGS, ...args, '--url', url], {
      cwd: ROOT,
      env: { ...process.env, VOZ_ADMIN_TOKEN: ADMIN_TOKEN },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe.each(testDatabaseKinds())('voz usage / billing against a running server (%s)', (kind) => {
  let env: BillingTestEnv;
  let url: string;

  beforeAll(async () => {
    env = await startBillingEnv(kind, { listen: true });
    url = env.runtime.url!;
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await env?.close();
  });

  it(
    'usage prints what the admin API answers',
    async () => {
      const api = await env.runtime.app.inject({ url: `/api/admin/tenants/demo_restaurant/usage?period=${LAST}`, headers: ADMIN });
      // Three reads, run side by side.
      const [json, text, unknown] = await Promise.all([
        voz(url, ['usage', '--tenant', 'demo_restaurant', '--period', LAST, '--json']),
        voz(url, ['usage', '--tenant', 'demo_restaurant', '--period', LAST]),
        voz(url, ['usage', '--tenant', 'nobody_here', '--period', LAST]),
      ]);
      expect(json.code, json.stderr).toBe(0);
      expect(JSON.parse(json.stdout)).toEqual(api.json());
      expect(text.stdout).toMatch(new RegExp(`billable_minutes\\s+${api.json().billable_minutes}\\n`));
      expect(unknown).toMatchObject({ code: 1, stderr: 'voz: 404 not_found: tenant not found\n' });
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'billing plan, billing close (once, an open period refused), billing invoices',
    async () => {
      const from = DateTime.fromFormat(LAST, 'yyyy-MM', { zone: ZONE }).toISO()!;
      const plan = await voz(url, ['billing', 'plan', '--tenant', 'demo_restaurant', '--monthly-fee-cents', '4900', '--included-minutes', '30', '--overage-cents-per-minute', '9', '--effective-from', from]);
      expect(plan.code, plan.stderr).toBe(0);
      expect(plan.stdout).toMatch(/monthly_fee_cents\s+4900/);

      const closed = await voz(url, ['billing', 'close', '--period', LAST, '--tenant', 'demo_restaurant']);
      expect(closed.code, closed.stderr).toBe(0);
      expect(closed.stdout).toMatch(new RegExp(`period\\s+${LAST}`));
      expect(closed.stdout).toMatch(/monthly_fee\s+Monthly fee/);
      const id = /^id\s+(inv_\w+)$/m.exec(closed.stdout)![1]!;

      const again = await voz(url, ['billing', 'close', '--period', LAST, '--tenant', 'demo_restaurant', '--json']);
      expect(JSON.parse(again.stdout).invoices.map((i: { id: string }) => i.id)).toEqual([id]);

      const open = await voz(url, ['billing', 'close', '--period', CURRENT, '--tenant', 'demo_restaurant']);
      expect(open.code).toBe(1);
      expect(open.stderr).toMatch(/^voz: 409 period_open: /);

      const listed = await voz(url, ['billing', 'invoices', '--tenant', 'demo_restaurant', '--json']);
      expect(JSON.parse(listed.stdout).items.map((i: { id: string }) => i.id)).toEqual([id]);
      const rows = await env.db.selectFrom('invoices').select('id').where('tenant_id', '=', 'demo_restaurant').execute();
      expect(rows).toEqual([{ id }]);
    },
    CLI_TIMEOUT_MS,
  );
});
