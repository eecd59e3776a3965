import twilio from 'twilio';
import { fakeSpeech, type FakeRealtimeConnection } from './realtime-fake/index.js';
import type { TwilioRestFake } from './twilio-rest-fake.js';
import type { SimPhone } from './twilio-sim/index.js';
import { sleep, until } from './twilio-sim/waits.js';

export type CallControlScenario = 'transfer' | 'message';
type Note = (who: string, what: string, at?: number) => void;

const attr = (xml: string, tag: string, name: string): string | null => {
  const m = new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml);
  return m ? m[1]!.replaceAll('&amp;', '&') : null;
};

/**
 * The model's side of `--scenario transfer|message`: after the greeting the caller asks for a
 * person, the model calls `transfer_call` and says the handoff line; the bridge updates the call
 * through the local Twilio REST fake, and the script plays Twilio's Dial outcome back
 * (`transfer`: answered; `message`: nobody answers, the caller leaves a message).
 */
export async function callControlScript(
  s: { conn: FakeRealtimeConnection; phone: SimPhone; rest: TwilioRestFake; callSid: string; baseUrl: string; authToken: string; note: Note },
  scenario: CallControlScenario,
): Promise<void> {
  const { conn, phone, rest, note } = s;
  await conn.waitFor('session.update');
  await conn.waitFor('response.create');
  const g = conn.startResponse();
  await conn.streamAudio(g, fakeSpeech(1200), { deltaMs: 100, paceMs: 100 });
  conn.endResponse(g);
  await sleep(1300);
  note('caller', 'speaks: "Can I talk to a person, please?"');
  conn.speechStarted();
  await phone.say(fakeSpeech(600, 3));
  conn.speechStopped();
  conn.callerTranscript('Can I talk to a person, please?');
  const call = conn.functionCall('transfer_call', { reason: 'asked for a person' });
  note('model', 'calls transfer_call({"reason":"asked for a person"})');
  const out = await conn.waitFor('conversation.item.create', (e) => (e['item'] as Record<string, unknown>)['call_id'] === call.callId, 10_000);
  note('tool', `result: ${String((out['item'] as Record<string, unknown>)['output'])}`);
  await conn.waitFor('response.create', () => conn.eventsOf('response.create').length >= 2, 5000);
  const h = conn.startResponse();
  await conn.streamAudio(h, fakeSpeech(1000, 7), { deltaMs: 100, paceMs: 100 });
  conn.assistantTranscript(h, 'Please hold while I transfer you.');
  conn.endResponse(h);
  note('model', 'says the handoff line (1000 ms)');
  await until(() => rest.callUpdates(s.callSid).length > 0, 8000, 'the REST call update');
  const update = rest.callUpdates(s.callSid)[0]!;
  const lastMark = phone.marksEchoed.at(-1);
  note('twilio', `REST update ${update.path.replace(/AC\w+/, 'AC…')} (${lastMark ? `${(update.at - lastMark.at).toFixed(0)} ms after the last mark` : 'no mark'})`, update.at);
  note('twilio', `Twiml: ${update.params.Twiml ?? ''}`, update.at);
  await phone.closed();
  note('bridge', 'stream closed (Twilio has the call)');

  const post = async (url: string, params: Record<string, string>) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(s.authToken, url, params) },
      body: new URLSearchParams(params).toString(),
    });
    return res.text();
  };
  let twiml = update.params.Twiml ?? '';
  if (scenario === 'transfer' && twiml.includes('<Dial')) {
    const next = await post(attr(twiml, 'Dial', 'action')!, { CallSid: s.callSid, DialCallStatus: 'completed', DialCallDuration: '95' });
    note('twilio', `Dial answered → ${next}`);
    return;
  }
  for (let leg = 0; twiml.includes('<Dial') && leg < 5; leg++) {
    twiml = await post(attr(twiml, 'Dial', 'action')!, { CallSid: s.callSid, DialCallStatus: 'no-answer' });
    note('twilio', `Dial no-answer → ${twiml}`);
  }
  const recorded = attr(twiml, 'Record', 'action');
  if (!recorded) return note('simulate', 'no <Record> offered');
  const link = `${rest.url}/2010-04-01/Accounts/${rest.accountSid}/Recordings/RE0123456789abcdef0123456789abcdef`;
  note('caller', 'leaves a 12 s message');
  note('twilio', `recording → ${await post(recorded, { CallSid: s.callSid, RecordingUrl: link, RecordingDuration: '12' })}`);
}
