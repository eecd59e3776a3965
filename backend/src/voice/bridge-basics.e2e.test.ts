import { afterEach, describe, expect, it } from 'vitest';
import { fakeSpeech, RealtimeFake } from '../testing/realtime-fake/index.js';
import { startBridgeHarness, type BridgeHarness } from '../testing/twilio-sim/bridge-harness.js';
import { SimPhone } from '../testing/twilio-sim/index.js';

const until = async (cond: () => boolean, timeoutMs = 3000): Promise<void> => {
  const end = performance.now() + timeoutMs;
  while (!cond()) {
    if (performance.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
};

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function setup(dialect: 'ga' | 'beta', responder?: Parameters<typeof RealtimeFake.start>[0]) {
  const fake = await RealtimeFake.start(responder);
  const bridge: BridgeHarness = await startBridgeHarness({ voice: { realtimeUrl: fake.url, dialect } });
  cleanup.push(() => fake.close(), () => bridge.close());
  return { fake, bridge };
}

describe.each(['ga', 'beta'] as const)('bridge basics (%s)', (dialect) => {
  it('configures the session in the dialect, greets, and the caller hears the greeting', async () => {
    const { fake, bridge } = await setup(dialect);
    const phone = await SimPhone.connect(bridge.issue());
    const conn = await fake.connection(0);
    const update = await conn.waitFor('session.update');
    const session = update['session'] as Record<string, unknown>;
    if (dialect === 'ga') {
      expect(session['type']).toBe('realtime');
      expect(session['output_modalities']).toEqual(['audio']);
      expect(session['audio']).toMatchObject({ input: { format: { type: 'audio/pcmu' }, turn_detection: { type: 'server_vad', interrupt_response: true } }, output: { format: { type: 'audio/pcmu' } } });
    } else {
      expect(session).toMatchObject({ modalities: ['audio', 'text'], input_audio_format: 'g711_ulaw', output_audio_format: 'g711_ulaw', turn_detection: { type: 'server_vad', interrupt_response: true } });
    }
    expect(conn.dialect).toBe(dialect);
    expect(conn.authorization).toBe('Bearer sk-test');
    const create = await conn.waitFor('response.create');
    expect(JSON.stringify(create)).toContain('Hello, how can I help?');
    if (dialect === 'beta') expect((create['response'] as Record<string, unknown>)['modalities']).toEqual(['audio', 'text']);
    await until(() => phone.audioReceived().length >= 400 * 8);
    expect(phone.audioReceived().equals(fakeSpeech(400))).toBe(true);
    phone.hangUp();
    await until(() => bridge.records.length === 1);
    expect(bridge.records[0]).toMatchObject({ endReason: 'twilio_stop', dialect, tenantId: 'demo_restaurant' });
    expect(bridge.records[0]!.firstAssistantAudioMs).not.toBeNull();
  });

  it('relays caller audio to the model byte-identical', async () => {
    const { fake, bridge } = await setup(dialect, { responder: () => undefined });
    const phone = await SimPhone.connect(bridge.issue());
    const conn = await fake.connection(0);
    await conn.waitFor('session.update');
    const speech = fakeSpeech(1000, 7);
    await phone.say(speech, { realtime: false });
    await until(() => conn.inputAudio().length >= speech.length);
    expect(conn.inputAudio().equals(speech)).toBe(true);
    phone.hangUp();
  });
});

describe('admission and stream checks', () => {
  it('refuses an unknown token at once and never dials the model', async () => {
    const { fake, bridge } = await setup('ga');
    const start = bridge.issue();
    const phone = await SimPhone.connect({ ...start, url: start.url.replace(/[^/]+$/, 'forged') });
    await phone.closed();
    expect(phone.closeCode).toBe(1008);
    expect(fake.connections.length).toBe(0);
    expect(await bridge.metricValue('voz_voice_stream_rejected_total', { reason: 'bad_token' })).toBe(1);
  });

  it('accepts tokens longer than the router parameter limit and refuses path tricks', async () => {
    const { fake, bridge } = await setup('ga', { responder: () => undefined });
    const start = bridge.issue();
    const long = `${start.url}${'x'.repeat(300)}`;
    const refused = await SimPhone.connect({ ...start, url: long });
    await refused.closed();
    expect(refused.closeCode).toBe(1008);
    const nested = await SimPhone.connect({ ...start, url: `${start.url}/extra` });
    await nested.closed();
    expect(await bridge.metricValue('voz_voice_stream_rejected_total', { reason: 'malformed_token' })).toBe(1);
    expect(fake.connections.length).toBe(0);
  });

  it('a token is single-use', async () => {
    const { bridge } = await setup('ga', { responder: () => undefined });
    const start = bridge.issue();
    const first = await SimPhone.connect(start);
    const second = await SimPhone.connect(start);
    await second.closed();
    expect(second.closeCode).toBe(1008);
    expect(first.isOpen).toBe(true);
    first.hangUp();
  });

  it('closes both sockets when start does not match the token, before any session.update', async () => {
    const { fake, bridge } = await setup('ga');
    const phone = await SimPhone.connect(bridge.issue({ actorMode: 'client' }), { sendStart: false });
    const conn = await fake.connection(0);
    phone.sendStart({ parameters: { tenant_id: 'demo_restaurant', actor_mode: 'owner', tenant_mode: 'dedicated', rid: 'x' } });
    await phone.closed();
    await until(() => !conn.isOpen);
    expect(phone.closeCode).toBe(1008);
    expect(conn.received.length).toBe(0);
    expect(conn.appended.length).toBe(0);
    expect(await bridge.metricValue('voz_voice_stream_rejected_total', { reason: 'start_mismatch' })).toBe(1);
  });

  it('counts and ignores binary, malformed, oversized and out-of-order frames', async () => {
    const { fake, bridge } = await setup('ga', { responder: () => undefined });
    const phone = await SimPhone.connect(bridge.issue(), { sendStart: false });
    phone.sendRaw('{"event":"media","media":{"payload":"AAAA"}}'); // before start
    phone.sendStart();
    const conn = await fake.connection(0);
    await conn.waitFor('session.update');
    phone.sendRaw(Buffer.from([1, 2, 3]), true);
    phone.sendRaw('{not json');
    phone.sendRaw('{"event":"media","media":{"payload":"' + 'A'.repeat(70 * 1024) + '"}}');
    phone.sendRaw('{"event":"start","start":{"callSid":"CAx","streamSid":"MZ"},"streamSid":"MZ"}'); // second start
    await phone.say(fakeSpeech(40), { realtime: false });
    await until(() => conn.appended.length === 2);
    for (const kind of ['order', 'binary', 'malformed', 'oversized']) {
      expect(await bridge.metricValue('voz_voice_bad_frames_total', { kind }), kind).toBeGreaterThanOrEqual(1);
    }
    expect(phone.isOpen).toBe(true);
    phone.hangUp();
    await until(() => bridge.records.length === 1);
    expect(bridge.records[0]!.frames.badIn).toBe(5);
  });

  it('Twilio abrupt close → Realtime socket closed within 1 s', async () => {
    const { fake, bridge } = await setup('ga', { responder: () => undefined });
    const phone = await SimPhone.connect(bridge.issue());
    const conn = await fake.connection(0);
    await conn.waitFor('session.update');
    const t0 = performance.now();
    phone.drop();
    await until(() => !conn.isOpen, 1000);
    expect(performance.now() - t0).toBeLessThan(1000);
    await until(() => bridge.records.length === 1);
    expect(bridge.records[0]!.endReason).toBe('twilio_closed');
  });

  it('logs no per-frame lines and closes for the TwiML fallback when there is no API key', async () => {
    const fake = await RealtimeFake.start();
    const bridge = await startBridgeHarness({ voice: { realtimeUrl: fake.url, apiKey: '' } });
    cleanup.push(() => fake.close(), () => bridge.close());
    // resolveVoiceOptions in the harness fills sk-test only when apiKey is absent
    const phone = await SimPhone.connect(bridge.issue());
    await phone.closed();
    expect(phone.closeCode).toBe(1011);
    expect(fake.connections.length).toBe(0);
  });
});
