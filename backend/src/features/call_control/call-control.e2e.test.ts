import { CallDetail } from '@vozlia/contract';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallControlSettings } from '../../calls/call-control-settings.js';
import type { Runtime } from '../../main.js';
import { RealtimeFake, type FakeRealtimeConnection } from '../../testing/realtime-fake/index.js';
import { SmtpFake } from '../../testing/smtp-fake.js';
import { openRuntimeTestDatabase, testDatabaseKinds, type TestDatabase } from '../../testing/test-db.js';
import { startTestRuntime } from '../../testing/test-runtime.js';
import { TwilioRestFake } from '../../testing/twilio-rest-fake.js';
import { placeCall, randomCallSid, SimPhone } from '../../testing/twilio-sim/index.js';
import { eventually } from '../../testing/twilio-sim/waits.js';

const BOOT_TIMEOUT_MS = 180_000;
const AUTH = 'twilio-test-auth-token-cc';
const CALLER = '+15557770042';
const BLOCKED = '+15557770666';
const OWNER_SECRET = 'owner-only-margin-report';
const ADMIN = { authorization: 'Bearer cc-admin-token-for-tests' };
/** The demo restaurant owner's notification contacts (demo/notification-settings.ts). */
const RESTAURANT_OWNER_SMS = '+15550109001';
const RESTAURANT_OWNER_EMAIL = 'owner@demo-restaurant.test';

/** Per tenant, what the test wants the settings to say (changed between tests). */
const settings: Record<string, CallControlSettings> = {};
const base: CallControlSettings = { transferNumbers: ['+15550109001', '+15550109003'], isBlocked: (c) => c === BLOCKED, maxConcurrentCalls: null, open: true, afterHours: 'message' };

/** No `clear`, nothing cut, at least `ms` of assistant audio, and all of it played by `by`. */
function expectPlayedInFull(phone: SimPhone, by: number, ms: number): void {
  const timeline = phone.timeline();
  expect(phone.clears).toEqual([]);
  expect(timeline.filter((c) => c.cut)).toEqual([]);
  expect(timeline.reduce((sum, c) => sum + c.bytes.length / 8, 0)).toBeGreaterThanOrEqual(ms);
  expect(Math.max(...timeline.map((c) => c.endAt))).toBeLessThanOrEqual(by + 1);
}

const until = <T>(probe: () => T | undefined | Promise<T | undefined>) => eventually(probe, 8000);

describe.each(testDatabaseKinds())('call control through the product (%s)', (kind) => {
  let runtime: Runtime;
  let fake: RealtimeFake;
  let rest: TwilioRestFake;
  let smtp: SmtpFake;
  let pg: TestDatabase | undefined;

  beforeAll(async () => {
    fake = await RealtimeFake.start();
    rest = await TwilioRestFake.start({ authToken: AUTH });
    smtp = await SmtpFake.start();
    if (kind === 'postgres') pg = await openRuntimeTestDatabase('postgres');
    runtime = await startTestRuntime({
      listen: true,
      env: { OPENAI_API_KEY: 'test', OPENAI_REALTIME_URL: fake.url, TWILIO_AUTH_TOKEN: AUTH, TWILIO_ACCOUNT_SID: rest.accountSid, TWILIO_API_BASE_URL: rest.url, SMTP_URL: smtp.url, VOZ_ADMIN_TOKEN: 'cc-admin-token-for-tests' },
      callControlSettings: async (tenant) => settings[tenant.id] ?? base,
      ...(pg?.url ? { databaseUrl: pg.url } : {}),
    });
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await runtime?.close();
    await rest?.close();
    await smtp?.close();
    await fake?.close();
    await pg?.close();
  });

  /** A signed Twilio webhook, as Twilio would post it. */
  async function webhook(pathOrUrl: string, params: Record<string, string>): Promise<{ status: number; xml: string }> {
    const target = new URL(pathOrUrl, runtime.url);
    const signed = `${runtime.config.publicBaseUrl}${target.pathname}${target.search}`;
    const res = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(AUTH, signed, params) },
      body: new URLSearchParams(params).toString(),
    });
    return { status: res.status, xml: await res.text() };
  }

  async function connect(to: string, from = CALLER) {
    const placed = await placeCall({ baseUrl: runtime.url!, to, from, authToken: AUTH });
    if (!placed.stream) throw new Error('the call was not connected');
    const index = fake.connections.length;
    const phone = await SimPhone.connect({ url: placed.stream.url, parameters: placed.stream.parameters, callSid: placed.callSid });
    const rt = await fake.connection(index);
    const update = await rt.waitFor('session.update');
    const session = update['session'] as { tools?: { name: string }[]; instructions?: string };
    // The greeting (400 ms at real time) has played once its last mark is echoed.
    await rt.waitFor('response.create');
    await until(() => (phone.marksEchoed.length > 0 && rt.audioSentAt.length >= 4 ? true : undefined));
    return { callSid: placed.callSid, phone, rt, tools: (session.tools ?? []).map((t) => t.name), instructions: session.instructions ?? '' };
  }

  /** The model calls the tool; the default responder then says a 400 ms line. */
  async function callTool(rt: FakeRealtimeConnection, name: string, args: unknown): Promise<Record<string, unknown>> {
    return JSON.parse((await rt.callTool(name, args)).output) as Record<string, unknown>;
  }

  const eventsOf = (callSid: string) => runtime.core.events.readStream({ type: 'call', id: callSid });
  /** The call log's detail, as the portal reads it. */
  async function detailOf(callSid: string, tenantId = 'demo_restaurant') {
    const res = await runtime.app.inject({ url: `/api/tenants/${tenantId}/calls/${callSid}`, headers: ADMIN });
    return { status: res.statusCode, body: res.statusCode === 200 ? CallDetail.parse(res.json()) : null };
  }

  it('transfer_call: the handoff line plays in full, then one REST update dials the first number within 2 s of its last mark', async () => {
    const call = await connect('+15550100001');
    expect(call.tools).toEqual(expect.arrayContaining(['transfer_call', 'end_call']));
    const marksBefore = call.phone.marksEchoed.length;
    const output = await callTool(call.rt, 'transfer_call', { reason: 'wants to talk about a catering order', caller_name: 'Maria Lopez' });
    // The model is told what to say; the action and the numbers never reach it.
    expect(output).toMatchObject({ ok: true });
    expect(JSON.stringify(output)).not.toMatch(/call_action|\+1555010900/);

    const [update] = await until(() => (rest.callUpdates(call.callSid).length ? rest.callUpdates(call.callSid) : undefined));
    const lastMark = call.phone.marksEchoed.at(-1)!;
    expect(call.phone.marksEchoed.length).toBeGreaterThan(marksBefore);
    expect(update!.at - lastMark.at).toBeLessThan(2000);
    expect(update!.at).toBeGreaterThanOrEqual(lastMark.at);
    expect(update!.authorized).toBe(true);
    const twiml = update!.params.Twiml!;
    expect(twiml).toMatch(/<Dial [^>]*timeout="20"/);
    expect(twiml).toContain('callerId="+15550100001"');
    expect(twiml).toMatch(/<Number [^>]*url="[^"]*\/twilio\/call-control\/whisper\?r=wants[^"]*"[^>]*>\+15550109001<\/Number>/);
    expect(twiml).not.toContain('+15550109003');
    // Nothing of the handoff line was cut: every frame had played before Twilio got the update.
    expectPlayedInFull(call.phone, update!.at, 800);
    await call.phone.closed();

    const types = (await eventsOf(call.callSid)).map((e) => e.type);
    expect(types).toContain('transfer.requested');
    const record = await until(async () => (await eventsOf(call.callSid)).find((e) => e.type === 'call.recorded'));
    expect((record.payload as { endReason: string }).endReason).toBe('transferred');

    // The whisper to the person answering says the name the caller gave, and the reason.
    const action = /<Dial [^>]*action="([^"]+)"/.exec(twiml)![1]!.replaceAll('&amp;', '&');
    const whisperUrl = /url="([^"]+)"/.exec(/<Number [^>]*>/.exec(twiml)![0])![1]!.replaceAll('&amp;', '&');
    const whisper = (await webhook(whisperUrl, { CallSid: randomCallSid() })).xml;
    expect(whisper).toContain('Call from Maria Lopez');
    expect(whisper).toContain('wants to talk about a catering order');

    // Answered: recorded, and the call ends after the conversation.
    const done = await webhook(action, { CallSid: call.callSid, DialCallStatus: 'completed', DialCallDuration: '42' });
    expect(done.xml).toContain('<Hangup/>');
    const row = await runtime.core.db.selectFrom('calls').selectAll().where('call_sid', '=', call.callSid).executeTakeFirstOrThrow();
    expect(row.transfer_status).toBe('completed');
  });

  it('no answer at any number → <Record> → message.recorded → the owner is notified with the link', async () => {
    // The business knows this caller's name (from an earlier order): the whisper says it.
    const at = new Date();
    await runtime.core.db
      .insertInto('contacts')
      .values({ tenant_id: 'demo_restaurant', phone: CALLER, name: 'Dana Whitfield', first_seen_at: at, last_seen_at: at, calls_count: 1, orders_count: 1, appointments_count: 0 })
      .onConflict((oc) => oc.columns(['tenant_id', 'phone']).doUpdateSet({ name: 'Dana Whitfield' }))
      .execute();
    const call = await connect('+15550100001');
    await callTool(call.rt, 'transfer_call', { reason: 'complaint about a delivery' });
    const [update] = await until(() => (rest.callUpdates(call.callSid).length ? rest.callUpdates(call.callSid) : undefined));
    const first = /<Dial [^>]*action="([^"]+)"/.exec(update!.params.Twiml!)![1]!.replaceAll('&amp;', '&');
    // First number: no answer → the second one, in order.
    const second = await webhook(first, { CallSid: call.callSid, DialCallStatus: 'no-answer' });
    expect(second.xml).toMatch(/<Number [^>]*>\+15550109003<\/Number>/);
    const secondWhisper = /url="([^"]+)"/.exec(/<Number [^>]*>/.exec(second.xml)![0])![1]!.replaceAll('&amp;', '&');
    expect((await webhook(secondWhisper, { CallSid: randomCallSid() })).xml).toContain('Call from Dana Whitfield, transferred by your assistant. Reason: complaint about a delivery.');
    const secondAction = /<Dial [^>]*action="([^"]+)"/.exec(second.xml)![1]!.replaceAll('&amp;', '&');
    // Second: busy → the message recorder.
    const record = await webhook(secondAction, { CallSid: call.callSid, DialCallStatus: 'busy' });
    expect(record.xml).toMatch(/<Say>[^<]*leave a message[^<]*<\/Say><Record [^>]*maxLength="120"/);
    const recordedAction = /<Record [^>]*action="([^"]+)"/.exec(record.xml)![1]!.replaceAll('&amp;', '&');
    const link = 'https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE123';
    // A (signed) URL naming another tenant for this call is refused: nothing recorded.
    const forged = await webhook(recordedAction.replace('t=demo_restaurant', 't=demo_barbershop'), { CallSid: call.callSid, RecordingUrl: link });
    expect(forged.status).toBe(404);
    const thanks = await webhook(recordedAction, { CallSid: call.callSid, RecordingUrl: link, RecordingDuration: '17' });
    expect(thanks.xml).toContain('message has been recorded');
    expect(thanks.xml).toContain('<Hangup/>');
    // Twilio retries a webhook: still one message.
    await webhook(recordedAction, { CallSid: call.callSid, RecordingUrl: link, RecordingDuration: '17' });

    const events = await eventsOf(call.callSid);
    expect(events.filter((e) => e.type === 'message.recorded')).toHaveLength(1);
    expect(events.find((e) => e.type === 'transfer.unanswered')?.payload).toMatchObject({ status: 'busy', tried: 2 });
    while ((await runtime.worker.runOnce()) > 0);
    const queued = await runtime.core.events.readStream({ type: 'notification', id: `notification:demo_restaurant:message:${call.callSid}` });
    expect(queued).toHaveLength(1);
    // Through the notify port: the link, the number and the reason are fields, not only text.
    const n = queued[0]!.payload as { kind: string; facts: Record<string, unknown> };
    expect(n.kind).toBe('transfer_unanswered');
    expect(n.facts).toMatchObject({ type: 'transfer_unanswered', from: CALLER, reason: 'complaint about a delivery', recordingUrl: link, recordingSeconds: 17, dialStatus: 'busy' });
    // The outbox delivers it to the demo owner's contacts: SMS by the (fake) Twilio REST, email by SMTP.
    while ((await runtime.outbox.runOnce()) > 0);
    const sms = rest.messagesTo(RESTAURANT_OWNER_SMS).map((m) => String(m.json.body)).find((b) => b.includes(link));
    expect(sms, 'the owner SMS carries the recording link').toBeDefined();
    expect(sms).toContain(CALLER);
    expect(sms).toContain('complaint about a delivery');
    const mail = smtp.mailsTo(RESTAURANT_OWNER_EMAIL).find((m) => m.text.includes(link));
    expect(mail, 'the owner email carries the recording link').toBeDefined();
    expect(`${mail!.subject}\n${mail!.text}`).toContain(CALLER);
    expect(mail!.text).toContain('complaint about a delivery');
    const row = await runtime.core.db.selectFrom('calls').selectAll().where('call_sid', '=', call.callSid).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ transfer_status: 'unanswered', message_url: link });
    // The call log shows the transfer's outcome and the message; never to another tenant.
    const { body } = await detailOf(call.callSid);
    expect(body?.transfer).toMatchObject({ outcome: 'busy', reason: 'complaint about a delivery' });
    expect(body?.message).toMatchObject({ recording_url: link, duration_seconds: 17 });
    expect((await detailOf(call.callSid, 'demo_barbershop')).status).toBe(404);
  });

  it('the caller speaks over the handoff line: the transfer is called off and recorded, nothing goes to Twilio', async () => {
    const call = await connect('+15550100001');
    const heard = call.phone.audioReceived().length;
    await callTool(call.rt, 'transfer_call', { reason: 'opening hours' });
    // The default responder says a 400 ms line at real time: barge in once it is playing.
    await until(() => (call.phone.audioReceived().length > heard + 80 * 8 ? true : undefined));
    call.rt.speechStarted();
    const cancelled = await until(async () => (await eventsOf(call.callSid)).find((e) => e.type === 'transfer.cancelled'));
    expect(cancelled.payload).toMatchObject({ tenantId: 'demo_restaurant', reason: 'opening hours', cause: 'barge_in' });
    const row = await runtime.core.db.selectFrom('calls').select('transfer_status').where('call_sid', '=', call.callSid).executeTakeFirstOrThrow();
    expect(row.transfer_status).toBe('cancelled');
    expect((await detailOf(call.callSid)).body?.transfer).toMatchObject({ outcome: 'canceled', reason: 'opening hours' });
    await new Promise((r) => setTimeout(r, 800));
    expect(rest.callUpdates(call.callSid)).toEqual([]);
    expect(call.phone.isOpen).toBe(true);
    call.phone.hangUp();
    await call.phone.closed();
  });

  it('end_call: the goodbye plays in full, then the call is hung up by REST', async () => {
    const call = await connect('+15550100002');
    await callTool(call.rt, 'end_call', { reason: 'caller is done' });
    const [update] = await until(() => (rest.callUpdates(call.callSid).length ? rest.callUpdates(call.callSid) : undefined));
    expect(update!.params.Twiml).toContain('<Hangup/>');
    const lastMark = call.phone.marksEchoed.at(-1)!;
    expect(update!.at).toBeGreaterThanOrEqual(lastMark.at);
    // 400 ms greeting + 400 ms goodbye, none of it cut, all of it played before the hang-up.
    expectPlayedInFull(call.phone, update!.at, 800);
    await call.phone.closed();
    const record = await until(async () => (await eventsOf(call.callSid)).find((e) => e.type === 'call.recorded'));
    expect((record.payload as { endReason: string }).endReason).toBe('assistant_hangup');
  });

  it('outside hours: a closed greeting, and a transfer goes straight to the message recorder', async () => {
    settings['demo_barbershop'] = { ...base, open: false };
    try {
      const call = await connect('+15550100002');
      expect(call.instructions).toContain('CLOSED');
      const greeting = await call.rt.waitFor('response.create');
      expect(JSON.stringify(greeting)).toContain('We are closed right now');
      await callTool(call.rt, 'transfer_call', { reason: 'wants a haircut today' });
      const [update] = await until(() => (rest.callUpdates(call.callSid).length ? rest.callUpdates(call.callSid) : undefined));
      expect(update!.params.Twiml).toMatch(/<Record [^>]*maxLength/);
      expect(update!.params.Twiml).not.toContain('<Dial');
      await call.phone.closed();
    } finally {
      delete settings['demo_barbershop'];
    }
  });

  it('a tenant without a transfer number is not offered transfer_call', async () => {
    settings['demo_barbershop'] = { ...base, transferNumbers: [] };
    try {
      const call = await connect('+15550100002');
      expect(call.tools).not.toContain('transfer_call');
      expect(call.tools).toContain('end_call');
      call.phone.hangUp();
    } finally {
      delete settings['demo_barbershop'];
    }
  });

  it('a blocked caller is rejected; over the concurrency cap a caller hears a busy message, no stream', async () => {
    const [blockedSid, busySid, thirdSid] = [randomCallSid(), randomCallSid(), randomCallSid()];
    const blocked = await webhook('/twilio/voice', { CallSid: blockedSid, From: BLOCKED, To: '+15550100001', CallStatus: 'ringing' });
    expect(blocked.xml).toContain('<Reject/>');
    expect(blocked.xml).not.toContain('<Stream');
    expect((await eventsOf(blockedSid)).map((e) => e.type)).toContain('call.blocked');
    // Twilio reports the rejected call: not a missed call.
    await webhook('/twilio/status', { CallSid: blockedSid, CallStatus: 'busy' });
    expect((await eventsOf(blockedSid)).map((e) => e.type)).not.toContain('call.missed');

    settings['demo_barbershop'] = { ...base, maxConcurrentCalls: 1 };
    try {
      const first = await connect('+15550100002');
      const second = await webhook('/twilio/voice', { CallSid: busySid, From: CALLER, To: '+15550100002', CallStatus: 'ringing' });
      expect(second.xml).toContain('All our lines are busy');
      expect(second.xml).toContain('<Hangup/>');
      expect(second.xml).not.toContain('<Stream');
      first.phone.hangUp();
      await first.phone.closed();
      await until(async () => ((await eventsOf(first.callSid)).some((e) => e.type === 'call.recorded') ? true : undefined));
      const third = await webhook('/twilio/voice', { CallSid: thirdSid, From: CALLER, To: '+15550100002', CallStatus: 'ringing' });
      expect(third.xml).toContain('<Stream');
    } finally {
      delete settings['demo_barbershop'];
    }
  });

  it('a transfer in client mode never reveals owner data to the caller or the model', async () => {
    const call = await connect('+15550100001');
    expect(call.tools).not.toContain('query_business_metrics');
    const output = await callTool(call.rt, 'transfer_call', { reason: `caller asked for ${OWNER_SECRET}` });
    const told = JSON.stringify(output);
    expect(told).not.toMatch(/\+1555010900|call_action|recording|owner/i);
    const refused = await callTool(call.rt, 'query_business_metrics', { metric: 'revenue' });
    expect(refused).toMatchObject({ ok: false, error: 'not_allowed' });
    await until(() => (rest.callUpdates(call.callSid).length ? true : undefined));
    await call.phone.closed();
  });
});
