import type { WebSocket } from 'ws';
import type { FakeDialect } from './realtime-fake.js';

export type FakeResponder = (conn: FakeRealtimeConnection, request: Record<string, unknown>) => void | Promise<void>;

const MULAW_BYTES_PER_MS = 8;
const DEFAULT_DELTA_MS = 100;
const DEFAULT_GREETING_MS = 400;

interface Waiter {
  type: string;
  pred: (e: Record<string, unknown>) => boolean;
  resolve: (e: Record<string, unknown>) => void;
}

/** One client connection to the fake: records what the bridge sent, scripts what it hears. */
export class FakeRealtimeConnection {
  readonly dialect: FakeDialect;
  readonly authorization: string;
  /** Every client event except audio appends, parsed, in order. */
  readonly received: Record<string, unknown>[] = [];
  /** Caller audio as received (base64 strings, in order). */
  readonly appended: string[] = [];
  readonly appendedAt: number[] = [];
  /** Send time of every assistant audio delta, in order. */
  readonly audioSentAt: number[] = [];
  readonly #ws: WebSocket;
  readonly #responder: FakeResponder;
  readonly #refuse: string[][];
  #waiters: Waiter[] = [];
  #seq = 0;
  #timers = new Set<NodeJS.Timeout>();

  constructor(ws: WebSocket, opts: { dialect: FakeDialect; authorization: string; responder: FakeResponder | undefined; refuseModalities: string[][] }) {
    this.#ws = ws;
    this.dialect = opts.dialect;
    this.authorization = opts.authorization;
    this.#refuse = opts.refuseModalities;
    this.#responder = opts.responder ?? defaultResponder;
    ws.on('message', (data) => this.#onMessage(data.toString()));
    ws.on('close', () => {
      for (const t of this.#timers) clearTimeout(t);
      this.#timers.clear();
    });
    ws.on('error', () => undefined);
    this.send({ type: 'session.created', session: {} });
  }

  get isOpen(): boolean {
    return this.#ws.readyState === 1;
  }

  /** Caller audio received so far, decoded (tests compare bytes). */
  inputAudio(): Buffer {
    return Buffer.concat(this.appended.map((a) => Buffer.from(a, 'base64')));
  }

  /** Resolves with the next (or an already received) client event of `type` matching `pred`. */
  waitFor(type: string, pred: (e: Record<string, unknown>) => boolean = () => true, timeoutMs = 5000): Promise<Record<string, unknown>> {
    const have = this.received.find((e) => e['type'] === type && pred(e));
    if (have) return Promise.resolve(have);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`fake realtime: no ${type} within ${timeoutMs} ms`)), timeoutMs);
      t.unref();
      this.#waiters.push({ type, pred, resolve: (e) => (clearTimeout(t), resolve(e)) });
    });
  }

  eventsOf(type: string): Record<string, unknown>[] {
    return this.received.filter((e) => e['type'] === type);
  }

  send(event: Record<string, unknown>): void {
    if (this.#ws.readyState === 1) this.#ws.send(JSON.stringify({ event_id: `evt_${++this.#seq}`, ...event }));
  }

  // ── scripting ──────────────────────────────────────────────────────────────

  speechStarted(): void {
    this.send({ type: 'input_audio_buffer.speech_started', audio_start_ms: 0, item_id: `item_user_${this.#seq}` });
  }

  speechStopped(): void {
    this.send({ type: 'input_audio_buffer.speech_stopped', audio_end_ms: 0, item_id: `item_user_${this.#seq}` });
  }

  callerTranscript(text: string): void {
    this.send({ type: 'conversation.item.input_audio_transcription.completed', item_id: `item_user_${this.#seq}`, content_index: 0, transcript: text });
  }

  /** Starts a response; returns its ids. */
  startResponse(): { responseId: string; itemId: string } {
    const n = ++this.#seq;
    const ids = { responseId: `resp_${n}`, itemId: `item_${n}` };
    this.send({ type: 'response.created', response: { id: ids.responseId, object: 'realtime.response', status: 'in_progress', output: [] } });
    return ids;
  }

  audioDelta(ids: { responseId: string; itemId: string }, bytes: Buffer): void {
    this.audioSentAt.push(performance.now());
    this.send({
      type: this.dialect === 'ga' ? 'response.output_audio.delta' : 'response.audio.delta',
      response_id: ids.responseId,
      item_id: ids.itemId,
      output_index: 0,
      content_index: 0,
      delta: bytes.toString('base64'),
    });
  }

  assistantTranscript(ids: { responseId: string; itemId: string }, text: string): void {
    this.send({
      type: this.dialect === 'ga' ? 'response.output_audio_transcript.done' : 'response.audio_transcript.done',
      response_id: ids.responseId,
      item_id: ids.itemId,
      output_index: 0,
      content_index: 0,
      transcript: text,
    });
  }

  endResponse(ids: { responseId: string }, status = 'completed'): void {
    this.send({ type: 'response.done', response: { id: ids.responseId, object: 'realtime.response', status, output: [] } });
  }

  /**
   * Streams `audio` as deltas of `deltaMs`, every `paceMs` (0 = all at once). Resolves when
   * all are sent, or early (false) when `stopWhen()` turns true.
   */
  async streamAudio(ids: { responseId: string; itemId: string }, audio: Buffer, opts: { deltaMs?: number; paceMs?: number; stopWhen?: () => boolean } = {}): Promise<boolean> {
    const step = (opts.deltaMs ?? DEFAULT_DELTA_MS) * MULAW_BYTES_PER_MS;
    const pace = opts.paceMs ?? 0;
    for (let i = 0; i < audio.length; i += step) {
      if (opts.stopWhen?.() || !this.isOpen) return false;
      this.audioDelta(ids, audio.subarray(i, i + step));
      if (pace > 0) await this.sleep(pace);
    }
    return true;
  }

  /** A whole function-call response: created, output_item.done(function_call), done. */
  functionCall(name: string, args: unknown): { callId: string; responseId: string } {
    const ids = this.startResponse();
    const callId = `call_${this.#seq}`;
    const item = { id: ids.itemId, type: 'function_call', object: 'realtime.item', status: 'completed', name, call_id: callId, arguments: JSON.stringify(args) };
    this.send({ type: 'response.output_item.added', response_id: ids.responseId, output_index: 0, item: { ...item, status: 'in_progress', arguments: '' } });
    this.send({ type: 'response.function_call_arguments.done', response_id: ids.responseId, item_id: ids.itemId, output_index: 0, call_id: callId, ...(this.dialect === 'ga' ? { name } : {}), arguments: item.arguments });
    this.send({ type: 'response.output_item.done', response_id: ids.responseId, output_index: 0, item });
    this.endResponse(ids);
    return { callId, responseId: ids.responseId };
  }

  /** The model calls a tool; resolves with the conversation item the bridge answers that call_id with. */
  async callTool(name: string, args: unknown, timeoutMs = 10_000): Promise<{ type: string; output: string }> {
    const { callId } = this.functionCall(name, args);
    const e = await this.waitFor('conversation.item.create', (x) => (x['item'] as { call_id?: string } | undefined)?.call_id === callId, timeoutMs);
    return e['item'] as { type: string; output: string };
  }

  error(code: string, message: string, param: string | null = null): void {
    this.send({ type: 'error', error: { type: 'invalid_request_error', code, message, param, event_id: null } });
  }

  /** Abrupt drop (no close frame). */
  drop(): void {
    this.#ws.terminate();
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.#timers.delete(t);
        resolve();
      }, ms);
      this.#timers.add(t);
    });
  }

  #onMessage(raw: string): void {
    // Appends are the hot path of the fake too: keep only the payload.
    if (raw.startsWith('{"type":"input_audio_buffer.append"')) {
      const at = raw.indexOf('"audio":"') + 9;
      this.appended.push(raw.slice(at, raw.indexOf('"', at)));
      this.appendedAt.push(performance.now());
      return;
    }
    let e: Record<string, unknown>;
    try {
      e = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      this.error('invalid_json', 'could not parse');
      return;
    }
    if (e['type'] === 'input_audio_buffer.append') {
      this.appended.push(String(e['audio']));
      return;
    }
    this.received.push(e);
    for (const w of [...this.#waiters]) {
      if (w.type === e['type'] && w.pred(e)) {
        this.#waiters = this.#waiters.filter((x) => x !== w);
        w.resolve(e);
      }
    }
    this.#react(e);
  }

  #react(e: Record<string, unknown>): void {
    const refused = this.#refusedModalities(e);
    if (refused) {
      this.error('invalid_value', `Invalid modalities: ${fmt(refused)}. Supported combinations are: ['text'] and ['audio', 'text'].`, e['type'] === 'session.update' ? 'session.modalities' : 'response.modalities');
      return;
    }
    if (e['type'] === 'session.update') this.send({ type: 'session.updated', session: e['session'] });
    if (e['type'] === 'response.create') void Promise.resolve(this.#responder(this, e)).catch(() => undefined);
  }

  #refusedModalities(e: Record<string, unknown>): string[] | null {
    const body = (e['session'] ?? e['response']) as Record<string, unknown> | undefined;
    if (!body) return null;
    const m = (body['modalities'] ?? body['output_modalities']) as string[] | undefined;
    if (!m) return null;
    return this.#refuse.some((r) => r.length === m.length && r.every((x, i) => m[i] === x)) ? m : null;
  }
}

function fmt(set: string[]): string {
  return `[${set.map((s) => `'${s}'`).join(', ')}]`;
}

/** Deterministic "speech": a byte ramp, distinguishable from silence (0xff) and the chime. */
export function fakeSpeech(ms: number, seed = 0): Buffer {
  const b = Buffer.alloc(ms * MULAW_BYTES_PER_MS);
  for (let i = 0; i < b.length; i++) b[i] = (i + seed) % 64;
  return b;
}

/** Default: answer every response.create with `DEFAULT_GREETING_MS` of speech at real-time pace. */
export const defaultResponder: FakeResponder = async (conn) => {
  const ids = conn.startResponse();
  await conn.streamAudio(ids, fakeSpeech(DEFAULT_GREETING_MS), { deltaMs: DEFAULT_DELTA_MS, paceMs: DEFAULT_DELTA_MS });
  conn.assistantTranscript(ids, 'Hello, how can I help?');
  conn.endResponse(ids);
};
