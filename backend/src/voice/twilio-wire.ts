/**
 * Twilio Media Streams wire format, both directions. Inbound `media` and `mark` are read
 * without JSON.parse (they are ~99 % of the traffic); everything else is parsed normally.
 */
import { valueStart } from './json-keys.js';

export type TwilioInbound =
  | { kind: 'media'; payload: string }
  | { kind: 'mark'; name: string }
  | { kind: 'connected' }
  | { kind: 'start'; streamSid: string; callSid: string; accountSid: string; customParameters: Record<string, string> }
  | { kind: 'dtmf'; digit: string }
  | { kind: 'stop' }
  | { kind: 'malformed' };

const EVENT_KEY = '"event":"';
// Field names without their opening quote: see json-keys.ts.
const PAYLOAD_KEY = 'payload":"';
const NAME_KEY = 'name":"';

/** Reads the string value of field `key` at or after `from`, or null. Values are base64/ids: no escapes. */
function stringAfter(raw: string, key: string, from: number): string | null {
  const start = valueStart(raw, key, from);
  if (start < 0) return null;
  const end = raw.indexOf('"', start);
  if (end < 0) return null;
  // A backslash means an escaped value: not our fast path.
  const bs = raw.indexOf('\\', start);
  if (bs >= 0 && bs < end) return null;
  return raw.slice(start, end);
}

/**
 * The hot path: the payload of a well-formed `media` message, or null for anything else
 * (then use `parseTwilioMessage`). No object is allocated.
 */
export function mediaPayload(raw: string): string | null {
  if (raw.charCodeAt(0) !== 123 /* { */) return null;
  const e = raw.indexOf(EVENT_KEY);
  if (e < 0 || !raw.startsWith('media"', e + EVENT_KEY.length)) return null;
  const payload = stringAfter(raw, PAYLOAD_KEY, e);
  return payload !== null && payload.length > 0 ? payload : null;
}

export function parseTwilioMessage(raw: string): TwilioInbound {
  const e = raw.indexOf(EVENT_KEY);
  if (e >= 0 && raw.charCodeAt(0) === 123 /* { */) {
    const at = e + EVENT_KEY.length;
    if (raw.startsWith('media"', at)) {
      const payload = stringAfter(raw, PAYLOAD_KEY, 0);
      if (payload !== null && payload.length > 0) return { kind: 'media', payload };
      return { kind: 'malformed' };
    }
    if (raw.startsWith('mark"', at)) {
      const name = stringAfter(raw, NAME_KEY, 0);
      if (name !== null) return { kind: 'mark', name };
      return { kind: 'malformed' };
    }
  }
  return parseSlow(raw);
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function parseSlow(raw: string): TwilioInbound {
  let msg: unknown;
  try {
    msg = JSON.parse(raw);
  } catch {
    return { kind: 'malformed' };
  }
  if (typeof msg !== 'object' || msg === null) return { kind: 'malformed' };
  const m = msg as Record<string, unknown>;
  switch (m['event']) {
    case 'connected':
      return { kind: 'connected' };
    case 'stop':
      return { kind: 'stop' };
    case 'start': {
      const s = m['start'];
      if (typeof s !== 'object' || s === null) return { kind: 'malformed' };
      const start = s as Record<string, unknown>;
      const streamSid = str(m['streamSid']) ?? str(start['streamSid']);
      const callSid = str(start['callSid']);
      if (!streamSid || !callSid) return { kind: 'malformed' };
      const params: Record<string, string> = {};
      const cp = start['customParameters'];
      if (typeof cp === 'object' && cp !== null) {
        for (const [k, v] of Object.entries(cp)) if (typeof v === 'string') params[k] = v;
      }
      return { kind: 'start', streamSid, callSid, accountSid: str(start['accountSid']) ?? '', customParameters: params };
    }
    case 'dtmf': {
      const d = m['dtmf'] as Record<string, unknown> | undefined;
      const digit = d ? str(d['digit']) : null;
      return digit === null ? { kind: 'malformed' } : { kind: 'dtmf', digit };
    }
    case 'media': {
      const media = m['media'] as Record<string, unknown> | undefined;
      const payload = media ? str(media['payload']) : null;
      return payload ? { kind: 'media', payload } : { kind: 'malformed' };
    }
    case 'mark': {
      const mark = m['mark'] as Record<string, unknown> | undefined;
      const name = mark ? str(mark['name']) : null;
      return name === null ? { kind: 'malformed' } : { kind: 'mark', name };
    }
    default:
      return { kind: 'malformed' };
  }
}

/** Outbound messages for one stream, built from prefixes computed once per call. */
export class TwilioOutbound {
  readonly #mediaPrefix: string;
  readonly #markPrefix: string;
  readonly clear: string;

  constructor(streamSid: string) {
    const sid = JSON.stringify(streamSid);
    this.#mediaPrefix = `{"event":"media","streamSid":${sid},"media":{"payload":"`;
    this.#markPrefix = `{"event":"mark","streamSid":${sid},"mark":{"name":"`;
    this.clear = `{"event":"clear","streamSid":${sid}}`;
  }

  media(payload: string): string {
    return this.#mediaPrefix + payload + '"}}';
  }

  mark(name: string): string {
    return this.#markPrefix + name + '"}}';
  }
}

/** Realtime `input_audio_buffer.append` is identical in both dialects. */
const APPEND_PREFIX = '{"type":"input_audio_buffer.append","audio":"';
export function realtimeAppend(payload: string): string {
  return APPEND_PREFIX + payload + '"}';
}
