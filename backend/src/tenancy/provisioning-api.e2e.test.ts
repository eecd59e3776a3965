import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../main.js';
import { openRuntimeTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/test-db.js';
import { startTestRuntime } from '../testing/test-runtime.js';

const BOOT_TIMEOUT_MS = 180_000;
const ADMIN_TOKEN = 'provisioning-api-admin-token';
const ADMIN = { authorization: `Bearer ${ADMIN_TOKEN}` };
const ORIGIN = 'http://localhost:3000';

describe.each(testDatabaseKinds())('provisioning API: tenants, access codes, settings (%s)', (kind) => {
  let runtime: Runtime;
  let pg: TestDatabase | undefined;

  beforeAll(async () => {
    if (kind === 'postgres') pg = await openRuntimeTestDatabase('postgres', false);
    runtime = await startTestRuntime({
      env: { VOZ_SEED_DEMO: '0', VOZ_ADMIN_TOKEN: ADMIN_TOKEN, PUBLIC_BASE_URL: ORIGIN },
      ...(pg?.url ? { databaseUrl: pg.url } : {}),
    });
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await runtime?.close();
    await pg?.close();
  });

  const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = ADMIN) =>
    runtime.app.inject({ method, url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const tenant = (id: string, phone_numbers: string[] = []) => ({ id, name: `Shop ${id}`, vertical: 'generic', time_zone: 'America/Chicago', phone_numbers });
  const signIn = async (tenantId: string, email: string, role: 'owner' | 'staff') => {
    expect((await inject('POST', `/api/admin/tenants/${tenantId}/owners`, { email, password: 'correct-horse-battery', role })).statusCode).toBe(201);
    const res = await runtime.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'correct-horse-battery' } });
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name.endsWith('voz_session'))!;
    return { cookie: `${c.name}=${c.value}`, 'x-csrf-token': (res.json() as { csrf_token: string }).csrf_token, origin: ORIGIN };
  };

  it('creates a tenant (201), refuses a taken id or number (409) and bad input (400 naming the field)', async () => {
    expect((await inject('POST', '/api/admin/tenants', tenant('t_one'), {})).statusCode).toBe(401);
    const created = await inject('POST', '/api/admin/tenants', tenant('t_one', ['+15550181001', '+15550181002']));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ ...tenant('t_one', ['+15550181001', '+15550181002']), name: 'Shop t_one', status: 'active' });

    expect((await inject('POST', '/api/admin/tenants', tenant('t_one'))).json()).toMatchObject({ error: 'id_taken', field: 'id' });
    const number = await inject('POST', '/api/admin/tenants', tenant('t_two', ['+15550181002']));
    expect([number.statusCode, number.json().field]).toEqual([409, 'phone_numbers']);
    for (const [patch, field] of [
      [{ time_zone: 'Mars/Olympus' }, 'time_zone'],
      [{ vertical: 'bakery' }, 'vertical'],
      [{ phone_numbers: ['555-0100'] }, 'phone_numbers.0'],
      [{ id: 'Not An Id' }, 'id'],
    ] as const) {
      const res = await inject('POST', '/api/admin/tenants', { ...tenant('t_bad'), ...patch });
      expect([res.statusCode, res.json().field]).toEqual([400, field]);
    }
    expect((await inject('GET', '/api/admin/tenants/t_two')).statusCode).toBe(404);
  });

  it('lists and reads tenants with their status; suspend and resume answer 200', async () => {
    await inject('POST', '/api/admin/tenants', tenant('t_list'));
    expect((await inject('POST', '/api/admin/tenants/t_list/suspend')).json()).toMatchObject({ id: 't_list', status: 'suspended' });
    const list = (await inject('GET', '/api/admin/tenants')).json() as { items: { id: string; status: string }[] };
    expect(list.items.find((t) => t.id === 't_list')?.status).toBe('suspended');
    const resumed = await inject('POST', '/api/admin/tenants/t_list/resume');
    expect([resumed.statusCode, resumed.json().status]).toEqual([200, 'active']);
    expect((await inject('GET', '/api/admin/tenants/t_list')).json()).toMatchObject({ status: 'active' });
    expect((await inject('POST', '/api/admin/tenants/nobody/suspend')).statusCode).toBe(404);
  });

  it('issues codes shown once, lists them without digits, revokes them by id (admin and owner), staff and other tenants refused', async () => {
    await inject('POST', '/api/admin/tenants', tenant('t_codes'));
    await inject('POST', '/api/admin/tenants', tenant('t_other'));
    const issued = await inject('POST', '/api/admin/tenants/t_codes/access-codes', { actor_mode: 'owner' });
    expect(issued.statusCode).toBe(201);
    expect(issued.headers['cache-control']).toBe('no-store');
    const { id, code } = issued.json() as { id: string; code: string };
    expect(code).toMatch(/^\d{8}$/);
    expect((await inject('POST', '/api/admin/tenants/t_codes/access-codes', { actor_mode: 'admin' })).json()).toMatchObject({ field: 'actor_mode' });

    const list = await inject('GET', '/api/admin/tenants/t_codes/access-codes');
    expect(list.json()).toEqual({ items: [{ id, actor_mode: 'owner', created_at: expect.any(String), source: 'control_plane' }] });
    expect(list.body).not.toContain(code);
    // Nothing stored holds the digits.
    const dump = await sql<{ t: string }>`select string_agg(payload::text, ' ') as t from events where tenant_id = 't_codes'`.execute(runtime.core.db);
    expect(dump.rows[0]!.t).not.toContain(code);

    const owner = await signIn('t_codes', 'boss@codes.test', 'owner');
    const staff = await signIn('t_codes', 'staff@codes.test', 'staff');
    const mine = await inject('POST', '/api/tenants/t_codes/access-codes', { actor_mode: 'client' }, owner);
    expect(mine.statusCode).toBe(201);
    expect(((await inject('GET', '/api/tenants/t_codes/access-codes', undefined, owner)).json() as { items: unknown[] }).items).toHaveLength(2);
    expect((await inject('GET', '/api/tenants/t_codes/access-codes', undefined, staff)).statusCode).toBe(403);
    expect((await inject('GET', '/api/tenants/t_other/access-codes', undefined, owner)).statusCode).toBe(404);
    expect((await inject('GET', '/api/tenants/t_codes/access-codes', undefined, {})).statusCode).toBe(401);
    expect((await inject('POST', '/api/tenants/t_codes/access-codes', { actor_mode: 'client' }, { ...owner, origin: 'https://evil.example' })).statusCode).toBe(403);

    // Another tenant cannot revoke it; its owner can, once.
    expect((await inject('DELETE', `/api/admin/tenants/t_other/access-codes/${id}`)).statusCode).toBe(404);
    expect((await inject('DELETE', `/api/tenants/t_codes/access-codes/${id}`, undefined, owner)).statusCode).toBe(204);
    expect((await inject('DELETE', `/api/tenants/t_codes/access-codes/${id}`, undefined, owner)).statusCode).toBe(404);
    expect((await inject('DELETE', `/api/admin/tenants/t_codes/access-codes/${(mine.json() as { id: string }).id}`)).statusCode).toBe(204);
    expect((await inject('GET', '/api/admin/tenants/t_codes/access-codes')).json()).toEqual({ items: [] });
  });

  it('keeps the owner’s settings as events: defaults, 400 naming the field, owner-only, and the call settings follow', async () => {
    await inject('POST', '/api/admin/tenants', tenant('t_set'));
    const owner = await signIn('t_set', 'boss@set.test', 'owner');
    const staff = await signIn('t_set', 'staff@set.test', 'staff');
    const initial = await inject('GET', '/api/tenants/t_set/settings', undefined, owner);
    expect(initial.json()).toMatchObject({
      display_name: 'Shop t_set',
      time_zone: 'America/Chicago',
      opening_hours: null,
      transfer_numbers: [],
      blocked_numbers: [],
      max_concurrent_calls: null,
      links: { notifications: '/api/tenants/t_set/notifications/settings' },
    });
    expect((await inject('GET', '/api/tenants/t_set/settings', undefined, staff)).statusCode).toBe(403);

    const body = {
      display_name: 'Set & Match',
      time_zone: 'Europe/Paris',
      opening_hours: { weekly: [{ days: ['mon', 'tue'], open: '09:00', close: '18:00' }], holidays: [{ date: '2026-12-25', ranges: [] }] },
      prompts: { client: { greeting: 'Bonjour from {business}!' } },
      features: { order_placing: { enabled: false } },
      transfer_numbers: ['+15550109010', '+15550109011'],
      blocked_numbers: ['+15550006666'],
      max_concurrent_calls: 2,
    };
    const bad = await inject('PUT', '/api/tenants/t_set/settings', { ...body, transfer_numbers: ['0800 FLOWERS'] }, owner);
    expect([bad.statusCode, bad.json().field]).toEqual([400, 'transfer_numbers.0']);
    const hours = await inject('PUT', '/api/tenants/t_set/settings', { ...body, opening_hours: { weekly: [{ days: ['mon'], open: '18:00', close: '09:00' }] } }, owner);
    expect([hours.statusCode, hours.json().field]).toEqual([400, 'opening_hours.weekly.0.close']);
    expect((await inject('PUT', '/api/tenants/t_set/settings', body, { ...owner, origin: 'https://evil.example' })).statusCode).toBe(403);

    const saved = await inject('PUT', '/api/tenants/t_set/settings', body, owner);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ ...body, opening_hours: { ...body.opening_hours, holidays: [{ date: '2026-12-25', ranges: [] }] } });
    expect((await inject('GET', '/api/tenants/t_set/settings', undefined, owner)).json()).toMatchObject(body);
    // The admin list shows the new name and zone; the event is there.
    expect((await inject('GET', '/api/admin/tenants/t_set')).json()).toMatchObject({ name: 'Set & Match', time_zone: 'Europe/Paris' });
    const events = await runtime.core.db.selectFrom('events').select('type').where('tenant_id', '=', 't_set').where('type', '=', 'tenant.settings_changed').execute();
    expect(events).toHaveLength(1);

    const call = await runtime.core.callSettings('t_set');
    expect(call).toMatchObject({ transferNumbers: ['+15550109010', '+15550109011'], maxConcurrentCalls: 2, timeZone: 'Europe/Paris' });
    expect(call!.isBlocked('+15550006666')).toBe(true);
    // Monday 2026-12-07 10:00 Paris = 09:00Z: open; the 25th: closed.
    expect(call!.isOpenAt(new Date('2026-12-07T09:00:00Z'))).toBe(true);
    expect(call!.isOpenAt(new Date('2026-12-25T09:00:00Z'))).toBe(false);
    // The owner's switches reach the policy decision the next call gets.
    const decision = runtime.core.router.decide((await runtime.core.tenants.get('t_set'))!, 'client');
    expect(decision.greeting).toBe('Bonjour from Set & Match!');
    expect(decision.allowedFeatures).not.toContain('order_placing');
  });

  it('deletes a tenant keeping its history (id stays taken, numbers freed); purge erases it and frees the id', async () => {
    await inject('POST', '/api/admin/tenants', tenant('t_gone', ['+15550181099']));
    await inject('POST', '/api/admin/tenants/t_gone/access-codes', { actor_mode: 'owner' });
    await inject('POST', '/api/admin/tenants/t_gone/owners', { email: 'boss@gone.test', password: 'correct-horse-battery' });
    expect((await inject('DELETE', '/api/admin/tenants/t_gone')).statusCode).toBe(204);
    expect((await inject('GET', '/api/admin/tenants/t_gone')).statusCode).toBe(404);
    expect((await inject('DELETE', '/api/admin/tenants/t_gone')).statusCode).toBe(404);
    const count = async () => Number((await sql<{ n: number }>`select count(*) as n from events where tenant_id = 't_gone'`.execute(runtime.core.db)).rows[0]!.n);
    expect(await count()).toBeGreaterThan(2);
    expect((await inject('POST', '/api/admin/tenants', tenant('t_gone'))).statusCode).toBe(409);
    expect((await inject('POST', '/api/admin/tenants', tenant('t_heir', ['+15550181099']))).statusCode).toBe(201);

    expect((await inject('DELETE', '/api/admin/tenants/t_gone?purge=true')).statusCode).toBe(204);
    expect(await count()).toBe(0);
    const users = await sql<{ n: number }>`select count(*) as n from users where tenant_id = 't_gone'`.execute(runtime.core.db);
    expect(Number(users.rows[0]!.n)).toBe(0);
    // Any other event stays append-only.
    await expect(sql`delete from events where tenant_id = 't_heir'`.execute(runtime.core.db)).rejects.toThrow(/append-only/);
    expect((await inject('POST', '/api/admin/tenants', tenant('t_gone'))).statusCode).toBe(201);
  });
});
