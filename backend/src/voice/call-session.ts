import type { Logger } from 'pino';
import type { CallContext, CallEndReason, StreamClaims } from './call-context.js';
import type { ChimeFrames } from './chime-tone.js';
import { truncateEvent } from './client-events.js';
import type { ServerEvent } from './dialects/dialect.js';
import type { DialectState } from './dialects/dialect-state.js';
import type { VoiceMetrics } from './metrics.js';
import type { VoiceOptions } from './options.js';
import { closeCodeFor, reportCallEnded } from './session/call-end.js';
import { CallActions } from './session/call-actions.js';
import { CallRecorder, type FrameCounters } from './session/call-recorder.js';
import { guardWith, type Guard } from './session/guard.js';
import { OutputMux } from './session/output-mux.js';
import { RealtimeConnection } from './session/realtime-connection.js';
import { ToolCalls } from './session/tool-calls.js';
import { TurnState } from './session/turn-state.js';
import type { TwilioLeg } from './twilio-leg.js';
import type { TwilioInbound } from './twilio-wire.js';

export interface CallSessionDeps {
  twilio: TwilioLeg;
  claims: StreamClaims;
  context: CallContext;
  options: VoiceOptions;
  dialect: DialectState;
  metrics: VoiceMetrics;
  chimeFrames: ChimeFrames | null;
  log: Logger;
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
  readonly #rec = new CallRecorder();
  readonly #frames: FrameCounters = this.#rec.frames;
  readonly #turns = new TurnState();
  readonly #mux: OutputMux;
  readonly #rt: RealtimeConnection;
  readonly #tools: ToolCalls;
  readonly #actions: CallActions;
  #ended = false;

  constructor(deps: CallSessionDeps) {
    this.#d = deps;
    this.#now = deps.now ?? (() => performance.now());
    this.#log = deps.log;
    this.#guard = guardWith((where, err) => this.#listenerFailed(where, err));
    this.#mux = new OutputMux({
      twilio: deps.twilio,
      frames: this.#frames,
      chime: { options: deps.options.chime, frames: deps.chimeFrames },
      guard: this.#guard,
      now: this.#now,
      onChime: () => this.#log.info({ event: 'chime' }, 'thinking chime'),
    });
    this.#rt = new RealtimeConnection({
      options: deps.options,
      dialect: deps.dialect,
      context: deps.context,
      turns: this.#turns,
      metrics: deps.metrics,
      log: deps.log,
      guard: this.#guard,
      onEvent: (e) => this.#onRealtime(e),
      onLost: () => this.end('realtime_lost'),
      onListenerError: (err) => this.#listenerFailed('realtime', err),
      transcript: () => this.#rec.transcript,
      onShare: (ms) => this.#rec.bridgeShare(ms),
    });
    this.#tools = new ToolCalls({
      // Bound: the context may be a class instance.
      invokeTool: deps.context.invokeTool.bind(deps.context),
      timeoutMs: deps.options.toolTimeoutMs,
      signal: this.#abort.signal,
      now: this.#now,
      recorder: this.#rec,
      connection: this.#rt,
      metrics: deps.metrics,
      log: deps.log,
      guard: this.#guard,
      onAction: (a) => this.#actions.fromTool(a),
    });
    this.#actions = new CallActions({
      context: deps.context,
      limits: deps.options.limits,
      mux: this.#mux,
      turns: this.#turns,
      realtime: this.#rt,
      toolsRunning: () => this.#tools.running,
      ended: () => this.#ended,
      end: (reason) => this.end(reason),
      guard: this.#guard,
      log: deps.log,
    });
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
    this.#actions.stop();
    this.#mux.close();
    this.#abort.abort(new Error('call ended'));
    this.#rt.close();
    if (!this.#d.twilio.closed) this.#d.twilio.close(closeCodeFor(reason), reason);
    const record = this.#rec.record({ claims: this.#d.claims, dialect: this.#d.dialect.dialect.name, endReason: reason, reconnects: this.#rt.reconnects, chimes: this.#mux.chimes });
    reportCallEnded(record, this.#rec.replyLatencies(), this.#rec.bridgeShares().samples, this.#d.metrics, this.#log);
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
        if (this.#mux.echoed(m.name, this.#now())) this.#rec.assistantHeard();
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
    const c = this.#d.claims;
    const p = m.customParameters;
    const ok = p['tenant_id'] === c.tenantId && p['actor_mode'] === c.actorMode && p['tenant_mode'] === c.tenantMode && p['rid'] === c.callSid && m.callSid === c.callSid;
    if (!ok) {
      this.#d.metrics.streamRejected('start_mismatch');
      this.#log.warn({ event: 'stream_rejected', reason: 'start_mismatch' }, 'stream start does not match its token');
      this.end('start_mismatch');
      return;
    }
    this.#mux.begin(m.streamSid);
    this.#turns.streamStarted(this.#now());
    this.#rt.streamReady();
    this.#actions.streamStarted();
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
        return this.#onSpeechStarted();
      case 'speechStopped':
        this.#turns.callerTurnEnded(this.#now());
        this.#mux.startWaiting();
        return;
      case 'responseCreated':
        this.#turns.responseCreated(e.responseId);
        this.#actions.responseCreated(e.responseId);
        return;
      case 'responseDone': {
        const createDue = this.#turns.responseDone(e.responseId);
        if (!this.#turns.isDropped(e.responseId)) this.#mux.endOfAudio();
        if (createDue) this.#rt.responseCreate();
        this.#actions.responseDone(e.responseId);
        return;
      }
      case 'functionCall':
        this.#mux.startWaiting();
        this.#actions.assistantBusy();
        return this.#tools.run(e);
      case 'callerTranscript':
        return this.#rec.said('caller', e.text);
      case 'assistantTranscript':
        return this.#rec.said('assistant', e.text);
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
      this.#rec.firstAudio(latency.ms);
      this.#d.metrics.firstAudio(latency.ms / 1000);
    } else {
      this.#rec.replyLatency(latency.ms);
      this.#d.metrics.replyLatency(latency.ms / 1000);
    }
  }

  #onSpeechStarted(): void {
    this.#rec.callerSpoke();
    this.#actions.callerSpoke();
    this.#mux.stopWaiting();
    const active = this.#turns.activeResponseId;
    // Read before the cut: `interrupt` settles the line's `whenPlayed` at once.
    const overTheLine = this.#actions.lineStarted;
    const cut = this.#mux.interrupt(this.#now(), active);
    if (cut === null) return;
    const { truncation, responseIds } = cut;
    if (truncation) this.#rt.send(truncateEvent(truncation));
    for (const id of responseIds) this.#turns.drop(id);
    if (active !== null) this.#turns.drop(active);
    if (truncation || active !== null) {
      this.#rec.bargedIn(truncation);
      this.#d.metrics.bargeIn(truncation !== null);
      this.#log.info({ event: 'barge_in', itemId: truncation?.itemId, audioEndMs: truncation?.audioEndMs }, 'caller barged in');
    }
    this.#actions.bargedIn(overTheLine);
  }

  #listenerFailed(where: string, err: unknown): void {
    this.#d.metrics.listenerError(where);
    this.#log.error({ event: 'listener_error', where, err }, 'session listener threw; the call goes on');
  }
}
