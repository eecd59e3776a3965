import { sql } from 'kysely';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RealtimeFake } from '../testing/realtime-fake/index.js';
import { BOOT_TIMEOUT_MS, startPhoneRuntime, twilioPost, type PhoneTestRuntime } from '../testing/phone-runtime.js';
import { testDatabaseKinds } from '../testing/test-db.js';
import { placeCall, randomCallSid, SimPhone } from '../testing/twilio-sim/index.js';
import { eventually } from '../testing/twilio-sim/waits.js';
import { readTwiml } from '../testing/twilio-sim/twiml.js';
import { listRoutes } from './route-list.js';

const AUTH = 'twilio-security-auth-token';
const DEDICATED = '+15550100001';
const SHARED_LINE = '+15550109999';

/** Everything a call webhook, a gather action, a status callback or an SMS webhook could carry. */
const webhookParams = () => ({
  CallSid: randomCallSid(),
  AccountSid: 'AC00000000000000000000000000000000',
  From: '+15557770000',
  To: DEDICATED,
  CallStatus: 'completed',
  CallDuration: '12',
  Direction: 'inbound',
  Digits: '11112222',
  MessageSid: 'SM00000000000000000000000000000000',
  MessageStatus: 'delivered',
  Body: 'STOP',
});

describe.each(testDatabaseKinds())('security: Twilio webhooks (%s)', (kind) => {
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

  const eventCount = async () => Number((await sql<{ n: string }>`select count(*) as n from events`.execute(t.runtime.core.db)).rows[0]!.n);
  const twilioPostRoutes = () =>
    listRoutes(t.runtime.app)
      .filter((r) => r.method === 'POST' && r.path.startsWith('/twilio/'))
      .map((r) => r.path);
  const inject = (req: ReturnType<typeof twilioPost>) => t.runtime.app.inject(req);

  /** Replays a call's incoming-call webhook byte for byte, dials the stream it answers, and expects a refusal that never reaches the model. */
  const expectReplayedStreamRefused = async (callSid: string, promise: string) => {
    const original = { CallSid: callSid, AccountSid: 'AC00000000000000000000000000000000', From: '+15555550123', To: DEDICATED, CallStatus: 'ringing', Direction: 'inbound' };
    const replay = await inject(twilioPost(t.baseUrl, '/twilio/voice', original, AUTH));
    expect(replay.statusCode).toBe(200);
    const step = readTwiml(replay.body);
    if (step.kind !== 'stream') throw new Error(`the replayed webhook answered ${step.kind}, not a stream`);
    const models = fake.connections.length;
    const intruder = await SimPhone.connect({ url: step.url, parameters: step.parameters, callSid });
    await intruder.closed();
    expect(intruder.closeCode, promise).toBe(1008);
    expect(fake.connections.length, 'a refused stream must never reach the model').toBe(models);
  };

  it('finds every Twilio POST webhook in the router (the list the attacks below run over)', () => {
    const routes = twilioPostRoutes();
    expect(routes, 'the route listing lost a known Twilio webhook').toEqual(expect.arrayContaining(['/twilio/voice', '/twilio/gather', '/twilio/status']));
  });

  it('refuses unsigned, forged, re-targeted, tampered and foreign-token requests on every Twilio webhook with 403, recording nothing', async () => {
    const before = await eventCount();
    for (const path of twilioPostRoutes()) {
      const params = webhookParams();
      const signed = twilioPost(t.baseUrl, path, params, AUTH);
      const attacks: [string, ReturnType<typeof twilioPost>][] = [
        ['unsigned', twilioPost(t.baseUrl, path, params)],
        ['forged signature', twilioPost(t.baseUrl, path, params, AUTH, true)],
        ['signed for another webhook', { ...twilioPost(t.baseUrl, path === '/twilio/voice' ? '/twilio/status' : '/twilio/voice', params, AUTH), url: path }],
        ['signed for another host', { ...twilioPost('https://evil.example', path, params, AUTH), url: path }],
        ['a parameter changed after signing', { ...signed, payload: new URLSearchParams({ ...params, To: '+15550100002' }).toString() }],
        ['a parameter added after signing', { ...signed, payload: `${signed.payload}&Digits=55556666` }],
        ['signed with another account token', twilioPost(t.baseUrl, path, params, 'another-accounts-token')],
        ['signature header repeated', { ...signed, headers: { ...signed.headers, 'x-twilio-signature': [signed.headers['x-twilio-signature']!, 'AAAA'] as unknown as string } }],
      ];
      for (const [what, req] of attacks) {
        const res = await inject(req);
        expect(res.statusCode, `${path}: a request ${what} must be refused (every Twilio webhook is signed)`).toBe(403);
        expect(res.body, `${path}: a refused webhook answers no TwiML`).not.toContain('<Response');
      }
    }
    expect(await eventCount(), 'a refused webhook recorded an event').toBe(before);
    expect(t.logs.filter((l) => l.includes('"event":"twilio_signature_invalid"')).length).toBeGreaterThan(0);
  });

  it('answers 400 before recording anything for malformed bodies and badly shaped call parameters', async () => {
    const before = await eventCount();
    const raw = (payload: string) => inject({ method: 'POST', url: '/twilio/voice', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'x' }, payload });
    const malformed = await raw('CallSid=%ZZ&To=%');
    expect(malformed.statusCode, 'CallSid=%ZZ&To=% was once answered 200 as a call').toBe(400);
    expect(malformed.json()).toMatchObject({ error: 'bad_request', message: 'malformed percent-encoding in the form body' });
    expect((await raw('From=%FF%FE')).statusCode, 'a body that is not UTF-8 must be refused').toBe(400);

    const shaped: [string, Record<string, string>, string][] = [
      ['a CallSid that is not CA + 32 hex', { CallSid: 'CA1', To: DEDICATED }, 'CallSid'],
      ['a CallSid with an injected newline', { CallSid: `${randomCallSid()}\n`, To: DEDICATED }, 'CallSid'],
      ['no CallSid', { To: DEDICATED }, 'CallSid'],
      ['a To that is not E.164', { CallSid: randomCallSid(), To: 'reception' }, 'To'],
      ['no To', { CallSid: randomCallSid() }, 'To'],
      ['a repeated To', { CallSid: randomCallSid(), To: DEDICATED }, 'To'],
    ];
    for (const [what, params, field] of shaped) {
      const req = twilioPost(t.baseUrl, '/twilio/voice', { ...params, From: '+15557770000' }, AUTH);
      if (what === 'a repeated To') {
        // Signed as Twilio would sign a repeated name (values sorted, concatenated).
        const twice = { ...params, From: '+15557770000', To: [DEDICATED, '+15550100002'] } as unknown as Record<string, string>;
        req.headers['x-twilio-signature'] = twilio.getExpectedTwilioSignature(AUTH, `${t.baseUrl}/twilio/voice`, twice);
        req.payload = `${req.payload}&To=${encodeURIComponent('+15550100002')}`;
      }
      const res = await inject(req);
      expect(res.statusCode, `an incoming call with ${what} must be refused`).toBe(400);
      expect(String(res.json().message), `the 400 names the field (${what})`).toContain(field);
    }
    for (const path of ['/twilio/gather', '/twilio/status']) {
      const res = await inject(twilioPost(t.baseUrl, path, { CallSid: 'not-a-sid', To: SHARED_LINE, From: '+15557770000', Digits: '1', CallStatus: 'completed' }, AUTH));
      expect(res.statusCode, `${path} with a malformed CallSid must be refused`).toBe(400);
    }
    const huge = await inject({ ...twilioPost(t.baseUrl, '/twilio/voice', { CallSid: randomCallSid(), To: DEDICATED, From: 'x'.repeat(70 * 1024) }, AUTH) });
    expect(huge.statusCode, 'a webhook body over 64 KiB must be refused').toBe(413);
    expect(await eventCount(), 'a refused webhook recorded an event').toBe(before);
  });

  it('refuses oversized and malformed JSON bodies on the API with 4xx, never 500', async () => {
    const login = (payload: string, type = 'application/json') => inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': type }, payload } as ReturnType<typeof twilioPost>);
    expect((await login(JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(2 * 1024 * 1024) }))).statusCode, 'a body over the 1 MiB limit must be refused').toBe(413);
    for (const bad of ['{"email":', '{"email":"a@b.test","password":"x"}}', '\u0000', '{"__proto__":{"admin":true},"email":"a@b.test","password":"x"}']) {
      const res = await login(bad);
      expect(res.statusCode, `malformed or hostile JSON (${JSON.stringify(bad).slice(0, 30)}) must be a 4xx`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `malformed or hostile JSON (${JSON.stringify(bad).slice(0, 30)}) must not be a 5xx`).toBeLessThan(500);
    }
  });

  it.each(['Anonymous', 'Restricted', '+266696687', 'client:alice', 'sip:front-desk@example.com'])('serves a caller whose From is %s', async (from) => {
    const dedicated = await inject(twilioPost(t.baseUrl, '/twilio/voice', { ...webhookParams(), CallStatus: 'ringing', From: from }, AUTH));
    expect(dedicated.statusCode, `a withheld or odd From (${from}) must still reach the business`).toBe(200);
    expect(readTwiml(dedicated.body).kind).toBe('stream');
    const shared = await inject(twilioPost(t.baseUrl, '/twilio/voice', { ...webhookParams(), CallStatus: 'ringing', From: from, To: SHARED_LINE }, AUTH));
    expect(readTwiml(shared.body).kind, `a withheld or odd From (${from}) must still reach the gate`).toBe('gather');
  });

  it('a replayed signed webhook records nothing twice and cannot open a stream once the call is over', async () => {
    const placed = await placeCall({ baseUrl: t.baseUrl, to: DEDICATED, authToken: AUTH });
    const index = fake.connections.length;
    const phone = await SimPhone.connect({ url: placed.stream!.url, parameters: placed.stream!.parameters, callSid: placed.callSid });
    await (await fake.connection(index)).waitFor('session.update');
    phone.hangUp();
    await phone.closed();
    const status = { CallSid: placed.callSid, AccountSid: 'AC00000000000000000000000000000000', From: '+15555550123', To: DEDICATED, CallStatus: 'completed', CallDuration: '9' };
    expect((await inject(twilioPost(t.baseUrl, '/twilio/status', status, AUTH))).statusCode).toBe(204);
    // The 204 may come before the end is written (it queues behind the call's record, which the
    // hang-up is writing): the defence below is for a call whose end is on record.
    const callEvents = async () => (await t.runtime.core.events.readStream({ type: 'call', id: placed.callSid })).map((e) => e.type);
    await eventually(async () => ((await callEvents()).includes('call.ended') ? true : undefined), 10_000, 'call.ended on record');

    // A captured incoming-call webhook, replayed byte for byte after the call ended.
    await expectReplayedStreamRefused(placed.callSid, 'a stream minted by a replayed webhook for an ended call must be refused');
    expect((await inject(twilioPost(t.baseUrl, '/twilio/status', status, AUTH))).statusCode).toBe(204);

    const types = (await t.runtime.core.events.readStream({ type: 'call', id: placed.callSid })).map((e) => e.type);
    for (const once of ['call.received', 'call.connected', 'call.ended', 'call.recorded']) {
      expect(types.filter((x) => x === once), `${once} must be recorded once whatever is replayed`).toHaveLength(1);
    }
    expect(t.logs.some((l) => l.includes('"reason":"call_ended"'))).toBe(true);
  });

  it('a webhook replayed during a live call cannot open a second stream, and the call goes on', async () => {
    const placed = await placeCall({ baseUrl: t.baseUrl, to: DEDICATED, authToken: AUTH });
    const index = fake.connections.length;
    const phone = await SimPhone.connect({ url: placed.stream!.url, parameters: placed.stream!.parameters, callSid: placed.callSid });
    const model = await fake.connection(index);
    await model.waitFor('session.update');

    // The call's own incoming-call webhook, captured and replayed while the call is live.
    await expectReplayedStreamRefused(placed.callSid, 'a second stream for a live call (a replayed webhook) must be refused');

    // The real caller is still connected to their session: audio still reaches the model.
    const heard = model.inputAudio().length;
    await phone.say(Buffer.alloc(160 * 30, 0x7f), { realtime: false });
    await eventually(() => (model.inputAudio().length > heard ? true : undefined), 5_000, "the live caller's audio reaching the model");
    phone.hangUp();
    await phone.closed();
    const types = (await t.runtime.core.events.readStream({ type: 'call', id: placed.callSid })).map((e) => e.type);
    expect(types.filter((x) => x === 'call.connected'), 'call.connected must be recorded once whatever is replayed').toHaveLength(1);
    expect(t.logs.some((l) => l.includes('"reason":"replayed"'))).toBe(true);
  });
});
