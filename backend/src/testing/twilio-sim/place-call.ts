import twilio from 'twilio';
import { readTwiml, type TwimlStep } from './twiml.js';

export interface PlaceCallOptions {
  /** Server origin, e.g. http://127.0.0.1:3000 */
  baseUrl: string;
  /** The URL Twilio would sign (PUBLIC_BASE_URL + path); defaults to baseUrl. */
  publicBaseUrl?: string;
  to: string;
  from?: string;
  /** When set, webhooks carry X-Twilio-Signature. */
  authToken?: string;
  /** Digits for a shared-line <Gather> (access code). */
  code?: string;
  callSid?: string;
  /** Max gathers to answer before giving up. */
  maxGathers?: number;
}

export interface PlacedCall {
  callSid: string;
  steps: TwimlStep[];
  /** The <Connect><Stream>, when the server connected the call. */
  stream: Extract<TwimlStep, { kind: 'stream' }> | null;
}

const ACCOUNT_SID = 'AC00000000000000000000000000000000';

export function randomCallSid(): string {
  let s = 'CA';
  for (let i = 0; i < 32; i++) s += '0123456789abcdef'[Math.floor(Math.random() * 16)];
  return s;
}

/** Posts the signed incoming-call webhook and follows the TwiML until a stream or a hang-up. */
export async function placeCall(o: PlaceCallOptions): Promise<PlacedCall> {
  const callSid = o.callSid ?? randomCallSid();
  const base = { CallSid: callSid, AccountSid: ACCOUNT_SID, From: o.from ?? '+15555550123', To: o.to, CallStatus: 'ringing', Direction: 'inbound' };
  const steps: TwimlStep[] = [];
  let step = readTwiml(await post(o, '/twilio/voice', base));
  steps.push(step);
  let gathers = 0;
  while (step.kind === 'gather' && gathers < (o.maxGathers ?? 3)) {
    gathers++;
    if (o.code === undefined) break;
    step = readTwiml(await post(o, step.action, { ...base, CallStatus: 'in-progress', Digits: o.code }));
    steps.push(step);
  }
  return { callSid, steps, stream: step.kind === 'stream' ? step : null };
}

/**
 * Twilio's status callback once the caller has hung up (`completed`, with the call's length in
 * seconds), as a number configured with `/twilio/status` sends it: the call's record ends there.
 */
export async function completeCall(o: PlaceCallOptions, call: Pick<PlacedCall, 'callSid'>, durationSeconds: number): Promise<void> {
  const params = { CallSid: call.callSid, AccountSid: ACCOUNT_SID, From: o.from ?? '+15555550123', To: o.to, CallStatus: 'completed', Direction: 'inbound', CallDuration: String(Math.max(0, Math.round(durationSeconds))) };
  await post(o, '/twilio/status', params);
}

async function post(o: PlaceCallOptions, pathOrUrl: string, params: Record<string, string>): Promise<string> {
  const target = new URL(pathOrUrl, o.baseUrl);
  const signedUrl = new URL(target.pathname + target.search, o.publicBaseUrl ?? o.baseUrl).toString();
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (o.authToken) headers['x-twilio-signature'] = twilio.getExpectedTwilioSignature(o.authToken, signedUrl, params);
  const res = await fetch(target, { method: 'POST', headers, body: new URLSearchParams(params).toString() });
  const text = await res.text();
  if (!res.ok) throw new Error(`webhook ${target.pathname} answered ${res.status}: ${text.slice(0, 200)}`);
  return text;
}
