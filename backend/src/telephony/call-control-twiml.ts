import twilio from 'twilio';
import type { DialStep } from '../calls/call-control.js';

const { VoiceResponse } = twilio.twiml;

/** Webhooks of a transfer (signed like every Twilio webhook); the query carries the call's facts. */
export const CALL_CONTROL_PATHS = Object.freeze({
  dial: '/twilio/call-control/dial',
  whisper: '/twilio/call-control/whisper',
  recorded: '/twilio/call-control/recorded',
});

/** Seconds each transfer number rings before the next (or the message). */
export const DIAL_TIMEOUT_SECONDS = 20;
export const MESSAGE_MAX_SECONDS = 120;
export const MESSAGE_PROMPT = 'Sorry, nobody can take your call right now. Please leave a message after the tone, and press the pound key when you are done.';
export const MESSAGE_THANKS = 'Thank you, your message has been recorded. Goodbye.';
const NO_MESSAGE = 'We did not get a message. Goodbye.';

function url(base: string, path: string, q: Record<string, string | number>): string {
  const u = new URL(`${base}${path}`);
  for (const [k, v] of Object.entries(q)) u.searchParams.set(k, String(v));
  return u.toString();
}

/**
 * `<Dial timeout action callerId><Number url=whisper>`: rings one transfer number; the action
 * webhook hears the outcome and dials the next one or opens the message recorder.
 */
export function dialTwiml(base: string, step: DialStep): string {
  const r = new VoiceResponse();
  const dial = r.dial({
    timeout: DIAL_TIMEOUT_SECONDS,
    action: url(base, CALL_CONTROL_PATHS.dial, { t: step.tenantId, i: step.index, r: step.reason, ...named(step.callerName) }),
    method: 'POST',
    ...(step.callerId ? { callerId: step.callerId } : {}),
  });
  dial.number({ url: url(base, CALL_CONTROL_PATHS.whisper, { r: step.reason, ...named(step.callerName) }), method: 'POST' }, step.number);
  return r.toString();
}

/** The caller's name rides in the (signed) URLs as `n` only when known. */
const named = (callerName: string | null): Record<string, string> => (callerName ? { n: callerName } : {});

/** Played to the person answering before the caller is connected: who is calling (when known) and why. */
export function whisperTwiml(reason: string, callerName = ''): string {
  const r = new VoiceResponse();
  const who = callerName ? `Call from ${callerName}, transferred by your assistant.` : 'Transferred call from your assistant.';
  r.say(reason ? `${who} Reason: ${reason}.` : who);
  return r.toString();
}

/** `<Say>` + `<Record maxLength action>`; the action gets the recording. */
export function messageTwiml(base: string, p: { tenantId: string; reason: string }): string {
  const r = new VoiceResponse();
  r.say(MESSAGE_PROMPT);
  r.record({ maxLength: MESSAGE_MAX_SECONDS, playBeep: true, finishOnKey: '#', action: url(base, CALL_CONTROL_PATHS.recorded, { t: p.tenantId, r: p.reason }), method: 'POST' });
  // Reached only when nothing was recorded.
  r.say(NO_MESSAGE);
  r.hangup();
  return r.toString();
}

export function hangupTwiml(text?: string): string {
  const r = new VoiceResponse();
  if (text) r.say(text);
  r.hangup();
  return r.toString();
}
