import type { Logger } from 'pino';
import type { CallEndReason, StreamClaims } from './call-context.js';
import type { ServerEvent } from './dialects/dialect.js';
import { callerStartedSpeaking } from './session/barge-in.js';
import { closeCodeFor, reportCallEnded } from './session/call-end.js';
import { createCallParts, type CallParts, type CallPartsDeps } from './session/call-parts.js';
import type { FrameCounters } from './session/call-recorder.js';
import { guardWith, type Guard } from './session/guard.js';
import type { OutputMux } from './session/output-mux.js';
import type { RealtimeConnection } from './session/realtime-connection.js';
import { startMatchesClaims } from './session/stream-start.js';
import type { TurnState } from './session/turn-state.js';
import type { TwilioInbound } from './twilio-wire.js';

export interface CallSessionDeps extends CallPartsDeps {
  claims: StreamClaims;
  onEnded(session: CallSession): void;
  now?: () => number;
}

type TwilioMessage = Exclude<TwilioInbound, { kind: 'malformed' | 'media' }>;

/**
 * One call, as a router: Twilio and Realtime events go to the parts in `session/` — the
 * Realtime connection, the output mux, turn bookkeeping, the recorder and call actions. No listener
 * throws past it: a failure is logged (`listener_error`), counted, and the call goes on.
 */
export class CallSession {
  readonly #d: CallSessionDeps;
  readonly #now: () => number;
  readonly #log: Logger;
  readonly #guard: Guard;
  readonly #abort = new AbortController();
  readonly #parts: CallParts;
  // The parts the audio handlers use, each in a field of its own (one load, not two).
  readonly #frames: FrameCounters;
  readonly #turns: TurnState;
  readonly #mux: OutputMux;
  readonly #rt: RealtimeConnection;
  #ended = false;

  constructor(deps: CallSessionDeps) {
    this.#d = deps;
    this.#now = deps.now ?? (() => performance.now());
    this.#log = deps.log;
    this.#guard = guardWith((where, err) => this.#listenerFailed(where, err));
    const parts = createCallParts(deps, {
      now: this.#now,
      guard: this.#guard,
      signal: this.#abort.signal,
      onRealtime: (e) => this.#onRealtime(e),
      onListenerError: (where, err) => this.#listenerFailed(where, err),
      ended: () => this.#ended,
      end: (reason) => this.end(reason),
    });
    this.#parts = parts;
    this.#frames = parts.rec.frames;
    this.#turns = parts.turns;
    this.#mux = parts.mux;
    this.#rt = parts.rt;
  }

  get ended(): boolean {
    return this.#ended;
  }

  /** Opens the Realtime socket at once and starts listening to Twilio. */
  start(): void {
    this.#d.metrics.callStarted();
    this.#log.info({ event: 'call_started', dialect: this.#d.dialect.dialect.name }, 'call started');
    this.#d.twilio.attach({
      media: (payload) => this.#onTwilioMedia(payload),
      message: (m) => this.#onTwilio(m),
      bad: (kind) => {
        this.#frames.badIn++;
        this.#d.metrics.badFrame(kind);
      },
      closed: () => this.end('twilio_closed'),
      listenerError: (err) => this.#listenerFailed('twilio', err),
    });
    if (this.#ended) return;
    if (!this.#d.options.apiKey) {
      this.#log.warn({ event: 'realtime_unavailable' }, 'no OpenAI key: closing stream for the TwiML fallback');
      this.end('no_api_key');
      return;
    }
    this.#rt.connect();
  }

  /** Ends the call once: closes both legs, clears timers, hands the record over. */
  end(reason: CallEndReason): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#parts.actions.stop();
    this.#mux.close();
    this.#abort.abort(new Error('call ended'));
    this.#rt.close();
    if (!this.#d.twilio.closed) this.#d.twilio.close(closeCodeFor(reason), reason);
    const record = this.#parts.rec.record({ claims: this.#d.claims, dialect: this.#d.dialect.dialect.name, endReason: reason, reconnects: this.#rt.reconnects, chimes: this.#mux.chimes });
    reportCallEnded(record, this.#parts.rec.replyLatencies(), this.#parts.rec.bridgeShares().samples, this.#d.metrics, this.#log);
    this.#guard('call_record_sink', () => this.#d.context.onCallEnded(record))();
    this.#d.onEnded(this);
  }

  // ── Twilio side ────────────────────────────────────────────────────────────

  #onTwilioMedia(payload: string): void {
    if (!this.#mux.started) return this.#outOfOrder();
    this.#frames.in++;
    this.#rt.appendAudio(payload);
  }

  #onTwilio(m: TwilioMessage): void {
    switch (m.kind) {
      case 'mark':
        if (!this.#mux.started) return this.#outOfOrder();
        if (this.#mux.echoed(m.name, this.#now())) this.#parts.rec.assistantHeard();
        return;
      case 'start':
        if (this.#mux.started) return this.#outOfOrder();
        return this.#onStart(m);
      case 'connected':
        return;
      case 'dtmf':
        this.#log.info({ event: 'dtmf' }, 'caller pressed a key');
        return;
      case 'stop':
        if (!this.#mux.started) return this.#outOfOrder();
        return this.end('twilio_stop');
    }
  }

  #outOfOrder(): void {
    this.#frames.badIn++;
    this.#d.metrics.badFrame('order');
  }

  #onStart(m: Extract<TwilioMessage, { kind: 'start' }>): void {
    if (!startMatchesClaims(m, this.#d.claims)) {
      this.#d.metrics.streamRejected('start_mismatch');
      this.#log.warn({ event: 'stream_rejected', reason: 'start_mismatch' }, 'stream start does not match its token');
      this.end('start_mismatch');
      return;
    }
    this.#mux.begin(m.streamSid);
    this.#turns.streamStarted(this.#now());
    this.#rt.streamReady();
    this.#parts.actions.streamStarted();
  }

  // ── Realtime side ──────────────────────────────────────────────────────────

  #onRealtime(e: ServerEvent): void {
    switch (e.kind) {
      case 'audioDelta':
        return this.#onAudioDelta(e);
      case 'audioDone':
        if (!this.#turns.isDropped(e.responseId)) this.#mux.endOfAudio();
        return;
      case 'speechStarted':
        return callerStartedSpeaking(this.#parts, this.#now(), this.#d.metrics, this.#log);
      case 'speechStopped':
        this.#turns.callerTurnEnded(this.#now());
        this.#mux.startWaiting();
        return;
      case 'responseCreated':
        this.#turns.responseCreated(e.responseId);
        this.#parts.actions.responseCreated(e.responseId);
        return;
      case 'responseDone': {
        const createDue = this.#turns.responseDone(e.responseId);
        if (!this.#turns.isDropped(e.responseId)) this.#mux.endOfAudio();
        if (createDue) this.#rt.responseCreate();
        this.#parts.actions.responseDone(e.responseId);
        return;
      }
      case 'functionCall':
        this.#mux.startWaiting();
        this.#parts.actions.assistantBusy();
        return this.#parts.tools.run(e);
      case 'callerTranscript':
        return this.#parts.rec.said('caller', e.text);
      case 'assistantTranscript':
        return this.#parts.rec.said('assistant', e.text);
      case 'error':
        return this.#rt.serverError(e);
      default:
        return;
    }
  }

  /** The hot path out: one dropped-id check, one clock read, then the mux. */
  #onAudioDelta(e: Extract<ServerEvent, { kind: 'audioDelta' }>): void {
    if (!this.#mux.started) return;
    if (this.#turns.isDropped(e.responseId)) {
      this.#frames.lateDeltasDropped++;
      return;
    }
    const now = this.#now();
    if (this.#turns.awaitingAudio) this.#firstAudioOfTurn(now);
    this.#mux.assistantDelta(e, now);
  }

  #firstAudioOfTurn(now: number): void {
    const latency = this.#turns.assistantAudioSent(now);
    if (latency === null) return;
    if (latency.kind === 'greeting') {
      this.#parts.rec.firstAudio(latency.ms);
      this.#d.metrics.firstAudio(latency.ms / 1000);
    } else {
      this.#parts.rec.replyLatency(latency.ms);
      this.#d.metrics.replyLatency(latency.ms / 1000);
    }
  }

  #listenerFailed(where: string, err: unknown): void {
    this.#d.metrics.listenerError(where);
    this.#log.error({ event: 'listener_error', where, err }, 'session listener threw; the call goes on');
  }
}
