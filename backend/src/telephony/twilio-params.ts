import { toE164 } from '../tenancy/tenant.js';

/** A Twilio webhook's form parameters; a repeated name keeps every value (as formbody does). */
export type TwilioParams = Record<string, string | string[]>;

export type ParamsVerdict = { ok: true } | { ok: false; problem: string };

/** Twilio's call SIDs: `CA` + 32 lowercase hex digits. */
const CALL_SID = /^CA[0-9a-f]{32}$/;
/** No Twilio parameter comes near this; an SMS body is at most 1,600 characters. */
export const MAX_PARAM_CHARS = 4096;
/** Twilio webhooks are a few kilobytes at most. */
export const TWILIO_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Strict `application/x-www-form-urlencoded` decoding: a `%` not followed by two hex digits, or
 * bytes that are not UTF-8, are a malformed request (lenient parsers keep `%ZZ` as text, and a
 * call with `CallSid=%ZZ` was once recorded). `+` is a space, as in every form.
 */
export function parseTwilioForm(raw: string): { ok: true; params: TwilioParams } | { ok: false; problem: string } {
  const params: TwilioParams = Object.create(null) as TwilioParams;
  if (raw === '') return { ok: true, params };
  for (const pair of raw.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = decode(eq < 0 ? '' : pair.slice(eq + 1));
    if (name === undefined || value === undefined) return { ok: false, problem: 'malformed percent-encoding in the form body' };
    if (name === '__proto__' || name === 'constructor' || name === 'prototype') return { ok: false, problem: `parameter name ${name} is not allowed` };
    const prior = params[name];
    params[name] = prior === undefined ? value : [...(Array.isArray(prior) ? prior : [prior]), value];
  }
  return { ok: true, params };
}

function decode(part: string): string | undefined {
  if (/%(?![0-9A-Fa-f]{2})/.test(part)) return undefined;
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/**
 * Shape of a call webhook's parameters, checked before anything is recorded: `CallSid` (when
 * present, and always on the incoming-call webhook) is `CA` + 32 hex, `To` is a phone number in
 * E.164. `From` is never judged: withheld and odd callers (`Anonymous`, `client:…`) are served.
 */
export function checkCallParams(params: Readonly<Record<string, unknown>>, opts: { incomingCall: boolean }): ParamsVerdict {
  for (const [name, value] of Object.entries(params)) {
    const values: unknown[] = Array.isArray(value) ? value : [value];
    if (values.some((v) => typeof v !== 'string')) return { ok: false, problem: `${name} is not a form value` };
    if (Array.isArray(value) && (name === 'CallSid' || name === 'To' || name === 'From')) return { ok: false, problem: `${name} is repeated` };
    if ((values as string[]).some((v) => v.length > MAX_PARAM_CHARS)) return { ok: false, problem: `${name} is longer than ${MAX_PARAM_CHARS} characters` };
  }
  const { CallSid: callSid, To: to } = params as Partial<Record<string, string>>;
  if (callSid === undefined ? opts.incomingCall : !CALL_SID.test(callSid)) return { ok: false, problem: 'CallSid must be CA followed by 32 hex digits' };
  if (to === undefined ? opts.incomingCall : toE164(to) === undefined) return { ok: false, problem: 'To must be a phone number in E.164 (like +15550100001)' };
  return { ok: true };
}
