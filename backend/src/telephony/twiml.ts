import twilio from 'twilio';

const { VoiceResponse } = twilio.twiml;

/** Contract §3: exactly this, no business wording. */
export const GATE_PROMPT = 'Please enter your 8-digit access code.';
export const GATE_RETRY = 'Sorry, that code is not valid.';
export const GATE_GOODBYE = 'Sorry, we could not verify your code. Goodbye.';
export const LOCKED_OUT_GOODBYE = 'Too many attempts. Please try again later. Goodbye.';
/** Spoken if the stream cannot start or ends abnormally, and when no model is configured. */
export const APOLOGY = 'We are sorry, our assistant is not available right now. Please call again later. Goodbye.';
/** The tenant's concurrent-call cap is reached (issue 13): polite, no stream. */
export const BUSY_GOODBYE = 'Thank you for calling. All our lines are busy right now. Please call again in a few minutes. Goodbye.';
/** A suspended tenant's calls: short, polite, no business wording, then `<Hangup/>`. */
export const SUSPENDED_MESSAGE = 'We are sorry, this line is not available at the moment. Please try again later. Goodbye.';
export const ACCESS_CODE_DIGITS = 8;
const GATHER_TIMEOUT_SECONDS = 10;

export interface StreamParams {
  tenant_id: string;
  actor_mode: string;
  tenant_mode: string;
  rid: string;
}

/** The shared-line gate: a DTMF gather whose action resolves the code. */
export function gateTwiml(actionUrl: string, retry = false): string {
  const r = new VoiceResponse();
  if (retry) r.say(GATE_RETRY);
  const g = r.gather({
    input: ['dtmf'],
    numDigits: ACCESS_CODE_DIGITS,
    timeout: GATHER_TIMEOUT_SECONDS,
    action: actionUrl,
    method: 'POST',
    // An empty gather (silence) still reaches the action, which counts it as a failed try.
    actionOnEmptyResult: true,
  });
  g.say(GATE_PROMPT);
  return r.toString();
}

/**
 * `<Connect><Stream>` with the four routing parameters; the single-use token rides in the URL
 * path. The `<Say>` after `<Connect>` plays only if the stream ends abnormally.
 */
export function streamTwiml(streamUrl: string, params: StreamParams): string {
  const r = new VoiceResponse();
  const stream = r.connect().stream({ url: streamUrl });
  for (const [name, value] of Object.entries(params)) stream.parameter({ name, value });
  r.say(APOLOGY);
  return r.toString();
}

export function sayAndHangup(text: string): string {
  const r = new VoiceResponse();
  r.say(text);
  r.hangup();
  return r.toString();
}

/** `ws://` for a plain-http base (local development), `wss://` otherwise. */
export function mediaStreamUrl(publicBaseUrl: string, token: string): string {
  const u = new URL(publicBaseUrl);
  const scheme = u.protocol === 'http:' ? 'ws:' : 'wss:';
  return `${scheme}//${u.host}/twilio/media/${encodeURIComponent(token)}`;
}

/** A blocked caller: Twilio rejects the call (the caller hears it as not answered; not billed). */
export function rejectTwiml(): string {
  const r = new VoiceResponse();
  r.reject();
  return r.toString();
}
