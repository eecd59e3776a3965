import { z } from 'zod';
import { valueStart } from '../json-keys.js';
import type { ServerEvent } from './dialect.js';

/**
 * Shared server-event parsing; each dialect passes the names that differ. Audio deltas are
 * the hot path: their fields are read by key search (ids and base64 hold no quotes or
 * escapes), everything else goes through Zod.
 */
export interface DialectEventNames {
  audioDelta: string;
  audioDone: string;
  assistantTranscriptDone: string;
}

const ErrorSchema = z.object({
  type: z.literal('error'),
  event_id: z.string().nullish(),
  error: z.object({ message: z.string().default(''), code: z.string().nullish(), param: z.string().nullish(), event_id: z.string().nullish() }),
});
const SpeechStartedSchema = z.object({ item_id: z.string().nullish() });
const ResponseSchema = z.object({ response: z.object({ id: z.string(), status: z.string().default('unknown') }) });
const OutputItemDoneSchema = z.object({
  response_id: z.string(),
  item: z.object({ type: z.string(), name: z.string().optional(), call_id: z.string().optional(), arguments: z.string().optional() }),
});
const AudioDoneSchema = z.object({ response_id: z.string(), item_id: z.string() });
const CallerTranscriptSchema = z.object({ item_id: z.string(), transcript: z.string() });
const AssistantTranscriptSchema = z.object({ response_id: z.string(), item_id: z.string(), transcript: z.string() });

function after(raw: string, key: string): string | null {
  const start = valueStart(raw, key);
  if (start < 0) return null;
  const end = raw.indexOf('"', start);
  return end < 0 ? null : raw.slice(start, end);
}

function intAfter(raw: string, key: string): number {
  const start = valueStart(raw, key);
  if (start < 0) return 0;
  let n = 0;
  for (let i = start; ; i++) {
    const c = raw.charCodeAt(i);
    if (!(c >= 48 && c <= 57)) return n; // NaN past the end stops too
    n = n * 10 + (c - 48);
  }
}

function fastAudioDelta(raw: string): ServerEvent | null {
  const delta = after(raw, 'delta":"');
  const responseId = after(raw, 'response_id":"');
  const itemId = after(raw, 'item_id":"');
  if (delta === null || responseId === null || itemId === null) return null;
  if (delta.includes('\\')) return null;
  return { kind: 'audioDelta', responseId, itemId, contentIndex: intAfter(raw, 'content_index":'), delta };
}

export function parseServerEvent(raw: string, names: DialectEventNames): ServerEvent {
  // Field names without their opening quote: see json-keys.ts.
  const typeAt = valueStart(raw, 'type":"');
  if (typeAt >= 0 && raw.startsWith(names.audioDelta, typeAt) && raw.charCodeAt(typeAt + names.audioDelta.length) === 34 /* " */) {
    const fast = fastAudioDelta(raw);
    if (fast) return fast;
  }
  let msg: unknown;
  try {
    msg = JSON.parse(raw);
  } catch {
    return { kind: 'unknown', type: '(malformed)' };
  }
  if (typeof msg !== 'object' || msg === null) return { kind: 'unknown', type: '(malformed)' };
  const type = (msg as { type?: unknown }).type;
  if (typeof type !== 'string') return { kind: 'unknown', type: '(untyped)' };
  return parseTyped(type, msg, names) ?? { kind: 'unknown', type };
}

function parseTyped(type: string, msg: unknown, names: DialectEventNames): ServerEvent | null {
  switch (type) {
    case 'input_audio_buffer.speech_started': {
      const r = SpeechStartedSchema.safeParse(msg);
      return { kind: 'speechStarted', itemId: r.success ? (r.data.item_id ?? null) : null };
    }
    case 'input_audio_buffer.speech_stopped':
      return { kind: 'speechStopped' };
    case 'session.created':
      return { kind: 'sessionCreated' };
    case 'session.updated':
      return { kind: 'sessionUpdated' };
    case 'response.created': {
      const r = ResponseSchema.safeParse(msg);
      return r.success ? { kind: 'responseCreated', responseId: r.data.response.id } : null;
    }
    case 'response.done': {
      const r = ResponseSchema.safeParse(msg);
      return r.success ? { kind: 'responseDone', responseId: r.data.response.id, status: r.data.response.status } : null;
    }
    case 'response.output_item.done': {
      const r = OutputItemDoneSchema.safeParse(msg);
      if (!r.success || r.data.item.type !== 'function_call') return null;
      const { name, call_id, arguments: args } = r.data.item;
      if (!name || !call_id) return null;
      return { kind: 'functionCall', responseId: r.data.response_id, callId: call_id, name, arguments: args ?? '{}' };
    }
    case 'conversation.item.input_audio_transcription.completed': {
      const r = CallerTranscriptSchema.safeParse(msg);
      return r.success ? { kind: 'callerTranscript', itemId: r.data.item_id, text: r.data.transcript } : null;
    }
    case 'error': {
      const r = ErrorSchema.safeParse(msg);
      if (!r.success) return { kind: 'error', code: null, message: '', param: null, eventId: null };
      const e = r.data.error;
      return { kind: 'error', code: e.code ?? null, message: e.message, param: e.param ?? null, eventId: e.event_id ?? null };
    }
    default:
      break;
  }
  if (type === names.audioDelta) {
    const m = msg as Record<string, unknown>;
    if (typeof m['delta'] === 'string' && typeof m['response_id'] === 'string' && typeof m['item_id'] === 'string') {
      return { kind: 'audioDelta', responseId: m['response_id'], itemId: m['item_id'], contentIndex: typeof m['content_index'] === 'number' ? m['content_index'] : 0, delta: m['delta'] };
    }
    return null;
  }
  if (type === names.audioDone) {
    const r = AudioDoneSchema.safeParse(msg);
    return r.success ? { kind: 'audioDone', responseId: r.data.response_id, itemId: r.data.item_id } : null;
  }
  if (type === names.assistantTranscriptDone) {
    const r = AssistantTranscriptSchema.safeParse(msg);
    return r.success ? { kind: 'assistantTranscript', responseId: r.data.response_id, itemId: r.data.item_id, text: r.data.transcript } : null;
  }
  return null;
}
