import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../main.js';
import { SUSPENDED_MESSAGE, GATE_PROMPT } from '../telephony/twiml.js';
import { RealtimeFake } from '../testing/realtime-fake/index.js';
import { openRuntimeTestDatabase, openTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/test-db.js';
import { startTestRuntime } from '../testing/test-runtime.js';
import { placeCall, SimPhone } from '../testing/twilio-sim/index.js';

const BOOT_TIMEOUT_MS = 180_000;
const ADMIN_TOKEN = 'provisioning-e2e-admin-token';
/** Not a tenant's number: the access-code gate answers. */
const SHARED_LINE = '+15550109999';
const NEW_NUMBER = '+15550177001';
const TENANT = 'luna_pizza';

/** The admin API as the CLI speaks it: JSON over HTTP with the bearer. */
async function admin(runtime: Runtime, method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(new URL(path, runtime.url), {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

describe.each(testDatabaseKinds())('a tenant provisioned through the admin API takes calls (%s)', (kind) => {
  let runtime: Runtime;
  let fake: RealtimeFake;
  let pg: TestDatabase | undefined;

  beforeAll(async () => {
    fake = await RealtimeFake.start();
    if (kind === 'postgres') pg = await openRuntimeTestDatabase('postgres', false);
    runtime = await startTestRuntime({
      listen: true,
      env: { OPENAI_API_KEY: 'test', OPENAI_REALTIME_URL: fake.url, VOZ_SEED_DEMO: '0', VOZ_ADMIN_TOKEN: ADMIN_TOKEN },
      ...(pg?.url ? { databaseUrl: pg.url } : {}),
    });
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await runtime?.close();
    await fake?.close();
    await pg?.close();
  });

  /** Dials the shared line with a code; when connected, opens the stream and waits for the session's configuration. */
  const dialShared = async (code: string) => {
    const placed = await placeCall({ baseUrl: runtime.url!, to: SHARED_LINE, code, maxGathers: 1 });
    if (!placed.stream) return { placed, session: null };
    const index = fake.connections.length;
    const phone = await SimPhone.connect({ url: placed.stream.url, parameters: placed.stream.parameters, callSid: placed.callSid });
    const rt = await fake.connection(index);
    const update = await rt.waitFor('session.update');
    phone.drop();
    return { placed, session: update['session'] as { instructions?: string; tools?: { name: string }[] } };
  };

  it('create → owner code → the shared line reaches the new tenant as owner; revoke → re-prompted; suspend → polite message, no stream', async () => {
    const created = await admin(runtime, 'POST', '/api/admin/tenants', { id: TENANT, name: 'Luna Pizza', vertical: 'restaurant', time_zone: 'Europe/Rome', phone_numbers: [NEW_NUMBER] });
    expect(created).toEqual({ status: 201, json: { id: TENANT, name: 'Luna Pizza', vertical: 'restaurant', time_zone: 'Europe/Rome', phone_numbers: [NEW_NUMBER], status: 'active' } });
    const issued = await admin(runtime, 'POST', `/api/admin/tenants/${TENANT}/access-codes`, { actor_mode: 'owner' });
    expect(issued.status).toBe(201);
    const code = issued.json.code as string;
    expect(code).toMatch(/^\d{8}$/);

    // Settings reach the next call without a restart.
    const settings = await admin(runtime, 'PUT', `/api/tenants/${TENANT}/settings`, {
      display_name: 'Luna Pizza',
      time_zone: 'Europe/Rome',
      prompts: { owner: { instructions: 'Always mention the wood-fired oven.' } },
    });
    expect(settings.status).toBe(200);

    const owner = await dialShared(code);
    expect(owner.placed.stream?.parameters).toMatchObject({ tenant_id: TENANT, actor_mode: 'owner', tenant_mode: 'shared' });
    expect(owner.session?.instructions).toContain('Luna Pizza');
    expect(owner.session?.instructions).toContain('Always mention the wood-fired oven.');
    expect(owner.session?.tools?.map((t) => t.name)).toContain('query_business_metrics');

    expect((await admin(runtime, 'DELETE', `/api/admin/tenants/${TENANT}/access-codes/${String(issued.json.id)}`)).status).toBe(204);
    const revoked = await dialShared(code);
    expect(revoked.placed.stream).toBeNull();
    expect(revoked.placed.steps.map((s) => s.kind)).toEqual(['gather', 'gather']);
    expect(revoked.placed.steps[1]).toMatchObject({ prompt: expect.stringContaining(GATE_PROMPT) });

    const client = await admin(runtime, 'POST', `/api/admin/tenants/${TENANT}/access-codes`, { actor_mode: 'client' });
    expect((await admin(runtime, 'POST', `/api/admin/tenants/${TENANT}/suspend`)).json).toMatchObject({ id: TENANT, status: 'suspended' });
    for (const placed of [
      await placeCall({ baseUrl: runtime.url!, to: SHARED_LINE, code: client.json.code as string }),
      await placeCall({ baseUrl: runtime.url!, to: NEW_NUMBER }),
    ]) {
      expect(placed.stream).toBeNull();
      expect(placed.steps.at(-1)).toEqual({ kind: 'hangup', said: [SUSPENDED_MESSAGE] });
    }

    expect((await admin(runtime, 'POST', `/api/admin/tenants/${TENANT}/resume`)).json).toMatchObject({ status: 'active' });
    const dedicated = await placeCall({ baseUrl: runtime.url!, to: NEW_NUMBER });
    expect(dedicated.stream?.parameters).toMatchObject({ tenant_id: TENANT, actor_mode: 'client', tenant_mode: 'dedicated' });
  });
});

// Two instances on one PostgreSQL: what one revokes, the other refuses at once.
describe.each(testDatabaseKinds().filter((k) => k === 'postgres'))('access codes across two instances on one %s database', () => {
  let a: Runtime;
  let b: Runtime;
  let pg: TestDatabase;

  beforeAll(async () => {
    pg = await openTestDatabase('postgres');
    // Same VOZ_SECRET on both, as a deployment has (else the first start's stored secret is shared anyway).
    const env = { OPENAI_API_KEY: 'test', OPENAI_REALTIME_URL: 'ws://127.0.0.1:9/none', VOZ_SEED_DEMO: '0', VOZ_ADMIN_TOKEN: ADMIN_TOKEN };
    a = await startTestRuntime({ listen: true, env, databaseUrl: pg.url! });
    b = await startTestRuntime({ listen: true, env, databaseUrl: pg.url! });
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await pg?.close();
  });

  it('a code issued on A works on B, and once revoked on A fails on B at once', async () => {
    expect((await admin(a, 'POST', '/api/admin/tenants', { id: 'twin_shop', name: 'Twin', vertical: 'generic', time_zone: 'UTC', phone_numbers: [] })).status).toBe(201);
    const issued = await admin(a, 'POST', '/api/admin/tenants/twin_shop/access-codes', { actor_mode: 'client' });
    const code = issued.json.code as string;
    const before = await placeCall({ baseUrl: b.url!, to: SHARED_LINE, code, maxGathers: 1 });
    expect(before.stream?.parameters).toMatchObject({ tenant_id: 'twin_shop', actor_mode: 'client' });

    expect((await admin(a, 'DELETE', `/api/admin/tenants/twin_shop/access-codes/${String(issued.json.id)}`)).status).toBe(204);
    const after = await placeCall({ baseUrl: b.url!, to: SHARED_LINE, code, maxGathers: 1 });
    expect(after.stream).toBeNull();
    expect(after.steps.map((s) => s.kind)).toEqual(['gather', 'gather']);
  });
});
