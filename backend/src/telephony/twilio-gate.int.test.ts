import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../testing/test-db.js';
import { readTwiml } from '../testing/twilio-sim/twiml.js';
import { BOOT_TIMEOUT_MS, startPhoneRuntime, twilioPost, type PhoneTestRuntime } from '../testing/phone-runtime.js';
import { APOLOGY, GATE_GOODBYE, GATE_PROMPT, GATE_RETRY, LOCKED_OUT_GOODBYE } from './twiml.js';

const PUBLIC = 'https://voz.example.com';
const AUTH = 'twilio-test-auth-token';
const CODES = {
  restaurantOwner: '11112222',
  restaurantClient: '33334444',
  barberOwner: '55556666',
  barberClient: '77778888',
  conflicted: '12121212',
  unknownTenant: '45454545',
  noMode: '56565656',
  oddMode: '67676767',
  agreeing: '33334444',
};
const ALL_DIGITS = [...Object.values(CODES), '99999999', '00000000', '13572468'];

let sidSeq = 0;
const sid = () => `CA${String(++sidSeq).padStart(32, '0')}`;

describe.each(testDatabaseKinds())('phone entry over HTTP (%s)', (kind) => {
  let t: PhoneTestRuntime;
  const bodies: string[] = [];

  beforeAll(async () => {
    t = await startPhoneRuntime(kind, {
      PUBLIC_BASE_URL: PUBLIC,
      TWILIO_AUTH_TOKEN: AUTH,
      OPENAI_API_KEY: 'sk-test',
      VOZ_GATE_MAX_FAILURES: '5',
      VOZ_GATE_WINDOW_MINUTES: '15',
      VOZ_GATE_LOCKOUT_MINUTES: '15',
      VOZ_ACCESS_CODE_MAP_JSON: JSON.stringify({ [CODES.conflicted]: 'demo_restaurant', [CODES.unknownTenant]: 'no_such_tenant' }),
      VOZ_CLIENT_ACCESS_CODE_MAP_JSON: JSON.stringify({ [CODES.conflicted]: 'demo_restaurant' }),
      VOZ_ACCESS_CODE_TABLE_JSON: JSON.stringify({
        [CODES.noMode]: { tenant_id: 'demo_barbershop' },
        [CODES.oddMode]: { tenant_id: 'demo_barbershop', actor_mode: 'admin' },
        [CODES.agreeing]: { tenant_id: 'demo_restaurant', actor_mode: 'client' },
      }),
    });
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await t?.close();
  });

  const post = async (path: string, params: Record<string, string>, opts: { sign?: boolean; forge?: boolean } = {}) => {
    const res = await t.runtime.app.inject(twilioPost(PUBLIC, path, params, opts.sign === false ? undefined : AUTH, opts.forge));
    bodies.push(res.body);
    return res;
  };
  const call = (callSid: string, to: string, from = '+15557770000') => ({ CallSid: callSid, AccountSid: 'AC1', From: from, To: to, CallStatus: 'ringing', Direction: 'inbound' });
  const dial = async (to: string, from?: string) => {
    const callSid = sid();
    const res = await post('/twilio/voice', call(callSid, to, from));
    expect(res.statusCode).toBe(200);
    return { callSid, res, step: readTwiml(res.body) };
  };
  const enter = async (callSid: string, digits: string, from = '+15557770000') => {
    const res = await post('/twilio/gather', { ...call(callSid, '+15559990000', from), Digits: digits });
    expect(res.statusCode).toBe(200);
    return readTwiml(res.body);
  };

  it('refuses unsigned and forged webhooks with 403, all three routes', async () => {
    for (const path of ['/twilio/voice', '/twilio/gather', '/twilio/status']) {
      const params = { ...call(sid(), '+15550100001'), Digits: CODES.restaurantOwner, CallStatus: 'completed' };
      expect((await post(path, params, { sign: false })).statusCode).toBe(403);
      expect((await post(path, params, { forge: true })).statusCode).toBe(403);
    }
    // Signed for another URL (path) is forged too.
    const params = call(sid(), '+15550100001');
    const res = await t.runtime.app.inject({ ...twilioPost(PUBLIC, '/twilio/gather', params, AUTH), url: '/twilio/voice' });
    expect(res.statusCode).toBe(403);
  });

  it('routes a dedicated number straight to its tenant as client, with the four parameters', async () => {
    const { callSid, res, step } = await dial('+1 (555) 010-0001');
    expect(res.headers['content-type']).toContain('text/xml');
    expect(step.kind).toBe('stream');
    if (step.kind !== 'stream') return;
    expect(step.parameters).toEqual({ tenant_id: 'demo_restaurant', actor_mode: 'client', tenant_mode: 'dedicated', rid: callSid });
    expect(step.url).toMatch(/^wss:\/\/voz\.example\.com\/twilio\/media\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    // The apology follows <Connect>: Twilio speaks it if the stream ends abnormally.
    expect(res.body).toMatch(/<\/Connect><Say>[^<]+<\/Say><\/Response>$/);
    expect(res.body).not.toContain('<Gather');
    const barber = await dial('+15550100002');
    expect(barber.step.kind === 'stream' && barber.step.parameters).toMatchObject({ tenant_id: 'demo_barbershop', tenant_mode: 'dedicated' });
  });

  it('gates any other number with exactly the prompt, 8 DTMF digits, and the gather action', async () => {
    const { res, step } = await dial('+15559990000');
    expect(step).toEqual({ kind: 'gather', action: `${PUBLIC}/twilio/gather`, numDigits: 8, prompt: GATE_PROMPT });
    expect(res.body).toContain('input="dtmf"');
    expect(res.body).not.toMatch(/Trattoria|Barbershop|Luigi|Sharp/);
  });

  it.each([
    ['restaurant owner', CODES.restaurantOwner, 'demo_restaurant', 'owner'],
    ['restaurant client', CODES.restaurantClient, 'demo_restaurant', 'client'],
    ['barbershop owner', CODES.barberOwner, 'demo_barbershop', 'owner'],
    ['barbershop client', CODES.barberClient, 'demo_barbershop', 'client'],
    ['table entry without actor_mode', CODES.noMode, 'demo_barbershop', 'client'],
    ['table entry with an unknown actor_mode', CODES.oddMode, 'demo_barbershop', 'client'],
  ])('a %s code reaches its tenant in its mode', async (_label, code, tenant, mode) => {
    const { callSid } = await dial('+15559990000', '+15550000001');
    const step = await enter(callSid, code, '+15550000001');
    expect(step.kind).toBe('stream');
    if (step.kind !== 'stream') return;
    expect(step.parameters).toEqual({ tenant_id: tenant, actor_mode: mode, tenant_mode: 'shared', rid: callSid });
    expect(step.url).not.toContain(code);
  });

  it('re-prompts after a wrong code and says goodbye after three failures in a call', async () => {
    const from = '+15550000002';
    const { callSid } = await dial('+15559990000', from);
    const first = await enter(callSid, '99999999', from);
    expect(first.kind).toBe('gather');
    expect(first.kind === 'gather' && first.prompt).toBe(`${GATE_RETRY} ${GATE_PROMPT}`);
    expect((await enter(callSid, '', from)).kind).toBe('gather');
    const third = await enter(callSid, '00000000', from);
    expect(third).toEqual({ kind: 'hangup', said: [GATE_GOODBYE] });
    const row = await t.runtime.core.db.selectFrom('calls').selectAll().where('call_sid', '=', callSid).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ gate_failures: 3, status: 'gate', tenant_id: null, from_number: from });
  });

  it('refuses a code two sources map differently, and a code naming an unknown tenant', async () => {
    const from = '+15550000003';
    const { callSid } = await dial('+15559990000', from);
    expect((await enter(callSid, CODES.conflicted, from)).kind).toBe('gather');
    expect((await enter(callSid, CODES.unknownTenant, from)).kind).toBe('gather');
    const reasons = (await t.runtime.core.events.readStream({ type: 'call', id: callSid }))
      .filter((e) => e.type === 'call.gate_failed')
      .map((e) => e.payload.reason);
    expect(reasons).toEqual(['conflict', 'unknown_tenant']);
    const conflict = t.logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.event === 'access_code_conflict');
    expect(conflict).toHaveLength(1);
    expect(conflict[0]).toMatchObject({ sources: ['VOZ_ACCESS_CODE_MAP_JSON', 'VOZ_CLIENT_ACCESS_CODE_MAP_JSON'] });
    expect(String(conflict[0]!.code)).toMatch(/^[0-9a-f]{10}$/);
    expect(t.logs.some((l) => l.includes('"event":"access_code_unknown_tenant"'))).toBe(true);
  });

  it('locks a caller out after repeated failures, across calls, until the lockout expires', async () => {
    const from = '+15550000004';
    const a = await dial('+15559990000', from);
    for (const d of ['99999991', '99999992']) expect((await enter(a.callSid, d, from)).kind).toBe('gather');
    expect((await enter(a.callSid, '99999993', from)).kind).toBe('hangup');
    const b = await dial('+15559990000', from);
    expect((await enter(b.callSid, '99999994', from)).kind).toBe('gather');
    // The fifth failure in the window locks this caller out.
    expect(await enter(b.callSid, '99999995', from)).toEqual({ kind: 'hangup', said: [LOCKED_OUT_GOODBYE] });

    // Locked: even a valid code is refused, and a new call is turned away before the gate.
    const c = await dial('+15559990000', from);
    expect(c.step).toEqual({ kind: 'hangup', said: [LOCKED_OUT_GOODBYE] });
    expect(await enter(c.callSid, CODES.restaurantOwner, from)).toEqual({ kind: 'hangup', said: [LOCKED_OUT_GOODBYE] });
    // Another caller is not affected; dedicated numbers never gate.
    expect((await dial('+15559990000', '+15550000099')).step.kind).toBe('gather');
    expect((await dial('+15550100001', from)).step.kind).toBe('stream');

    // Time passes (15 minutes): move the stored lockout and failures into the past.
    const db = t.runtime.core.db;
    await db.updateTable('gate_lockouts').set({ locked_at: sql`locked_at - interval '16 minutes'`, locked_until: sql`locked_until - interval '16 minutes'` }).execute();
    await db.updateTable('gate_failures').set({ failed_at: sql`failed_at - interval '16 minutes'` }).execute();
    const d = await dial('+15559990000', from);
    expect(d.step.kind).toBe('gather');
    expect((await enter(d.callSid, CODES.restaurantOwner, from)).kind).toBe('stream');
    const stored = await db.selectFrom('gate_lockouts').select('caller_hash').execute();
    expect(JSON.stringify(stored)).not.toContain('5550000004');
  });

  it('records the call lifecycle and missed calls from the status callback', async () => {
    const status = (callSid: string, s: string, duration = '7') => post('/twilio/status', { ...call(callSid, '+15559990000'), CallStatus: s, CallDuration: duration });
    const atGate = await dial('+15559990000', '+15550000005');
    expect((await status(atGate.callSid, 'completed')).statusCode).toBe(204);
    const dedicated = await dial('+15550100002', '+15550000006');
    await status(dedicated.callSid, 'completed', '3');
    await status(dedicated.callSid, 'completed', '3'); // Twilio retry: once only
    const progress = await dial('+15550100001');
    await status(progress.callSid, 'in-progress');

    const db = t.runtime.core.db;
    const rows = await db.selectFrom('calls').selectAll().where('call_sid', 'in', [atGate.callSid, dedicated.callSid, progress.callSid]).execute();
    const by = Object.fromEntries(rows.map((r) => [r.call_sid, r]));
    expect(by[atGate.callSid]).toMatchObject({ missed: true, missed_reason: 'hung_up_at_gate', tenant_id: null, duration_seconds: 7, status: 'completed' });
    expect(by[dedicated.callSid]).toMatchObject({ missed: true, missed_reason: 'stream_never_started', tenant_id: 'demo_barbershop', tenant_mode: 'dedicated', actor_mode: null, duration_seconds: 3 });
    expect(by[progress.callSid]).toMatchObject({ missed: false, ended_at: null });
    const types = (await t.runtime.core.events.readStream({ type: 'call', id: dedicated.callSid })).map((e) => `${e.tenantId}/${e.type}`);
    expect(types).toEqual(['demo_barbershop/call.received', 'demo_barbershop/call.ended', 'demo_barbershop/call.missed']);
    const gateTypes = (await t.runtime.core.events.readStream({ type: 'call', id: atGate.callSid })).map((e) => `${e.tenantId}/${e.type}`);
    expect(gateTypes).toEqual(['_shared/call.received', '_shared/call.ended', '_shared/call.missed']);
  });

  it('rebuilds the calls projection identically from events', async () => {
    const db = t.runtime.core.db;
    const snapshot = () => db.selectFrom('calls').selectAll().orderBy('call_sid').execute();
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(10);
    await t.runtime.core.events.rebuild('calls');
    expect(await snapshot()).toEqual(before);
    const codes = () => db.selectFrom('access_codes').selectAll().orderBy('code_hash').execute();
    const storedCodes = await codes();
    expect(storedCodes).toHaveLength(4);
    await t.runtime.core.events.rebuild('access_codes');
    expect(await codes()).toEqual(storedCodes);
  });

  it('never puts code digits in TwiML, stored codes, events or logs', async () => {
    expect(bodies.length).toBeGreaterThan(30);
    expect(t.logs.length).toBeGreaterThan(10);
    const db = t.runtime.core.db;
    const stored = JSON.stringify([
      await db.selectFrom('access_codes').selectAll().execute(),
      await db.selectFrom('events').select(['payload', 'metadata', 'idempotency_key']).execute(),
    ]);
    for (const digits of ALL_DIGITS) {
      // Not inside a longer number (a float such as a response time may hold the same run).
      const alone = new RegExp(`(?<![0-9.])${digits}(?![0-9])`);
      for (const b of bodies) expect(b).not.toMatch(alone);
      for (const l of t.logs) expect(l).not.toMatch(alone);
      expect(stored).not.toMatch(alone);
    }
    // Nor caller numbers in logs.
    for (const l of t.logs) expect(l).not.toMatch(/(?<![\d.])1?(555000000\d|5557770000)(?!\d)/);
  });
});

describe.each(testDatabaseKinds())('phone entry without OpenAI key or Twilio token (%s)', (kind) => {
  let t: PhoneTestRuntime;
  beforeAll(async () => {
    t = await startPhoneRuntime(kind, {
      PUBLIC_BASE_URL: 'http://localhost:3999',
      // Conflicts with the stored demo code 77778888 (another tenant): refused.
      VOZ_ACCESS_CODE_TABLE_JSON: JSON.stringify({ '77778888': { tenant_id: 'demo_restaurant', actor_mode: 'client' } }),
    });
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await t?.close();
  });
  const inject = (path: string, params: Record<string, string>) => t.runtime.app.inject(twilioPost('http://localhost:3999', path, params));

  it('apologises and hangs up instead of streaming, on a dedicated number and after the gate', async () => {
    const dedicated = await inject('/twilio/voice', { CallSid: `CA${'1'.repeat(32)}`, From: '+15550001111', To: '+15550100001' });
    expect(readTwiml(dedicated.body)).toEqual({ kind: 'hangup', said: [APOLOGY] });
    const gate = await inject('/twilio/voice', { CallSid: `CA${'2'.repeat(32)}`, From: '+15550001111', To: '+15550000000' });
    expect(readTwiml(gate.body).kind).toBe('gather');
    const after = await inject('/twilio/gather', { CallSid: `CA${'2'.repeat(32)}`, From: '+15550001111', To: '+15550000000', Digits: '11112222' });
    expect(readTwiml(after.body)).toEqual({ kind: 'hangup', said: [APOLOGY] });
  });

  it('refuses a code an env table maps differently from the stored one, reported once at start', async () => {
    await inject('/twilio/voice', { CallSid: `CA${'3'.repeat(32)}`, From: '+15550001112', To: '+15550000000' });
    const r = await inject('/twilio/gather', { CallSid: `CA${'3'.repeat(32)}`, From: '+15550001112', To: '+15550000000', Digits: '77778888' });
    expect(readTwiml(r.body).kind).toBe('gather');
    const conflicts = t.logs.filter((l) => l.includes('"event":"access_code_conflict"'));
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toContain('"sources":["VOZ_ACCESS_CODE_TABLE_JSON","stored"]');
    expect(conflicts[0]).not.toContain('77778888');
  });

  it('keeps one generated server secret in the database', async () => {
    const rows = await t.runtime.core.db.selectFrom('server_secrets').selectAll().execute();
    expect(rows.map((r) => r.name)).toContain('server_hmac_v1');
  });
});
