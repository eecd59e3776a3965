import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { RealtimeFake } from '../testing/realtime-fake/index.js';
import { testDatabaseKinds } from '../testing/test-db.js';
import { placeCall, SimPhone, type PlacedCall } from '../testing/twilio-sim/index.js';
import { eventually } from '../testing/twilio-sim/waits.js';
import { BOOT_TIMEOUT_MS, startPhoneRuntime, type PhoneTestRuntime } from '../testing/phone-runtime.js';

const AUTH = 'twilio-test-auth-token';

const until = eventually;

describe.each(testDatabaseKinds())('media stream admission (%s)', (kind) => {
  let t: PhoneTestRuntime;
  let fake: RealtimeFake;

  beforeAll(async () => {
    fake = await RealtimeFake.start();
    t = await startPhoneRuntime(kind, { OPENAI_API_KEY: 'sk-test', OPENAI_REALTIME_URL: fake.url, TWILIO_AUTH_TOKEN: AUTH }, { listen: true });
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  const call = async (to: string, code?: string): Promise<PlacedCall & { stream: NonNullable<PlacedCall['stream']> }> => {
    const placed = await placeCall({ baseUrl: t.baseUrl, to, authToken: AUTH, ...(code ? { code } : {}) });
    expect(placed.stream).not.toBeNull();
    return placed as PlacedCall & { stream: NonNullable<PlacedCall['stream']> };
  };
  const refusedWithoutModel = async (url: string, callSid: string, parameters: Record<string, string>) => {
    const before = fake.connections.length;
    const phone = await SimPhone.connect({ url, parameters, callSid });
    await phone.closed();
    expect(phone.closeCode).toBe(1008);
    expect(fake.connections.length).toBe(before);
  };

  it('admits a stream with its token, configures the model once, and records the call', async () => {
    const placed = await call('+15550100001');
    expect(placed.stream.url.startsWith(`ws://127.0.0.1:`)).toBe(true);
    const index = fake.connections.length;
    const phone = await SimPhone.connect({ url: placed.stream.url, parameters: placed.stream.parameters, callSid: placed.callSid });
    const rt = await fake.connection(index);
    const update = await rt.waitFor('session.update');
    expect(rt.authorization).toBe('Bearer sk-test');
    // Only the tools policy allows for (demo_restaurant, client) are offered.
    const tenant = (await t.runtime.core.db.selectFrom('tenants').select(['id', 'display_name', 'vertical']).where('id', '=', 'demo_restaurant').executeTakeFirstOrThrow());
    const expected = t.runtime.core.router.decide({ id: tenant.id, displayName: tenant.display_name, vertical: tenant.vertical } as never, 'client').allowedTools;
    const offered = ((update['session'] as { tools?: { name: string }[] }).tools ?? []).map((x) => x.name);
    expect(offered.sort()).toEqual([...expected].sort());
    expect(offered).not.toContain('query_business_metrics');
    phone.hangUp();
    await phone.closed();

    const row = await until(async () => {
      const r = await t.runtime.core.db.selectFrom('calls').selectAll().where('call_sid', '=', placed.callSid).executeTakeFirst();
      return r?.end_reason ? r : undefined;
    });
    expect(row).toMatchObject({ tenant_id: 'demo_restaurant', actor_mode: 'client', tenant_mode: 'dedicated', end_reason: 'twilio_stop', served: false, missed: true, missed_reason: 'no_exchange' });
    expect(row.connected_at).not.toBeNull();
    const types = (await t.runtime.core.events.readStream({ type: 'call', id: placed.callSid })).map((e) => e.type);
    expect(types).toEqual(['call.received', 'call.connected', 'call.recorded', 'call.missed']);

    // The same token again (a replay, from anywhere) is refused before any Realtime socket.
    await refusedWithoutModel(placed.stream.url, placed.callSid, placed.stream.parameters);
  });

  it('refuses a stream opened directly with no token or a forged token claiming owner', async () => {
    const base = t.baseUrl.replace('http:', 'ws:');
    const invented = { tenant_id: 'demo_restaurant', actor_mode: 'owner', tenant_mode: 'shared', rid: 'CAinvented' };
    await refusedWithoutModel(`${base}/twilio/media/nothing`, 'CAinvented', invented);
    const placed = await call('+15550100001');
    const token = decodeURIComponent(placed.stream.url.split('/twilio/media/')[1]!);
    const [body, mac] = token.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${Buffer.from(JSON.stringify({ ...claims, actor_mode: 'owner' })).toString('base64url')}.${mac}`;
    await refusedWithoutModel(`${base}/twilio/media/${forged}`, placed.callSid, { ...placed.stream.parameters, actor_mode: 'owner' });
    // No upgrade path at all without a token segment.
    const bare = new WebSocket(`${base}/twilio/media/`);
    const code = await new Promise<number | string>((resolve) => {
      bare.once('close', (c) => resolve(c));
      bare.once('error', (e) => resolve(e.message));
    });
    expect(code).not.toBe(1000);
  });

  it('closes a valid token whose start parameters differ, before the model is configured', async () => {
    const placed = await call('+15559990000', '33334444');
    expect(placed.stream.parameters).toMatchObject({ tenant_id: 'demo_restaurant', actor_mode: 'client', tenant_mode: 'shared' });
    const index = fake.connections.length;
    const phone = await SimPhone.connect({ url: placed.stream.url, parameters: placed.stream.parameters, callSid: placed.callSid }, { sendStart: false });
    phone.sendStart({ parameters: { ...placed.stream.parameters, actor_mode: 'owner' } });
    await phone.closed();
    expect(phone.closeCode).toBe(1008);
    // Flow A opens the Realtime socket on admission; it must never have been configured.
    await new Promise((r) => setTimeout(r, 100));
    for (const c of fake.connections.slice(index)) {
      expect(c.received.filter((e) => e['type'] === 'session.update' || e['type'] === 'response.create')).toEqual([]);
    }
  });

  it('counts refusals by reason', async () => {
    const metrics = await t.runtime.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/voz_stream_admissions_total\{outcome="refused",reason="replayed"\} 1/);
    expect(metrics.body).toMatch(/voz_stream_admissions_total\{outcome="refused",reason="bad_signature"\} 1/);
    expect(metrics.body).toMatch(/voz_stream_admissions_total\{outcome="refused",reason="malformed"\} 1/);
    expect(metrics.body).toMatch(/voz_stream_admissions_total\{outcome="admitted",reason=""\} 2/);
    // Tokens ride in the URL: request lines of the media route are not logged.
    expect(t.logs.length).toBeGreaterThan(5);
    for (const l of t.logs) expect(l).not.toContain('/twilio/media/');
  });
});
