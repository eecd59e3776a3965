import type { Logger } from 'pino';
import type { BargeInEntry, CallContext, CallEndReason, CallRecord, StreamClaims, ToolCallEntry, TranscriptEntry } from './call-context.js';
import { chimeMayPlay, ChimeSchedule, mustClearChimeBeforeAssistant } from './chime-schedule.js';
import type { ChimeFrames } from './chime-tone.js';
import { functionOutputEvent, systemMessageEvent, truncateEvent } from './client-events.js';
import type { ServerEvent } from './dialects/dialect.js';
import { isModalityError, pickSupportedModalities, type DialectState } from './dialects/dialect-state.js';
import type { VoiceMetrics } from './metrics.js';
import { base64ByteLength, OUT_FRAME_B64_CHARS } from './mulaw-framing.js';
import type { VoiceOptions } from './options.js';
import { PlaybackTracker } from './playback-tracker.js';
import { RealtimeLeg } from './realtime-leg.js';
import { runTool } from './tool-runner.js';
import type { TwilioInbound } from './twilio-wire.js';
import { realtimeAppend, TwilioOutbound } from './twilio-wire.js';
import type { TwilioLeg } from './twilio-leg.js';

/** WebSocket close code that makes Twilio continue with the TwiML after <Connect>. */
const CLOSE_FALLBACK = 1011;
const CLOSE_POLICY = 1008;
/** Last transcript lines replayed to a reconnected model. */
const RECAP_LINES = 6;
const RECAP_LINE_CHARS = 200;
/** A tool result that finished while the model was away is told to the new session, capped. */
const RECAP_TOOL_CHARS = 1500;
/** Interrupted response ids remembered to drop their late deltas. */
const DROPPED_RESPONSES_KEPT = 16;

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

type Started = Extract<TwilioInbound, { kind: 'start' }>;

/**
 * One call: owns both legs, the playback tracker, the chime, tool runs, timers and the
 * call record. The Twilio leg and the Realtime leg only talk through this object.
 */
export class CallSession {
  readonly #d: CallSessionDeps;
  readonly #now: () => number;
  readonly #log: Logger;
  readonly #tracker = new PlaybackTracker();
  readonly #chime: ChimeSchedule | null;
  readonly #abort = new AbortController();
  readonly #startedAtIso = new Date().toISOString();

  #rt: RealtimeLeg | null = null;
  #out: TwilioOutbound | null = null;
  #streamStartedAt = 0;
  #rtOpen = false;
  #configured = false;
  #greeted = false;
  #reconnects = 0;
  #reconnectTimer: NodeJS.Timeout | null = null;
  #chimeTimer: NodeJS.Timeout | null = null;
  #ended = false;

  #activeResponseId: string | null = null;
  #responseCreatePending = false;
  #greetingPending = false;
  #modalityRetried = false;
  #dropped: string[] = [];
  #loggedErrorCodes = new Set<string>();

  #heardAssistant = false;
  #callerSpoke = false;
  #toolRan = false;
  #firstAudioMs: number | null = null;
  #transcript: TranscriptEntry[] = [];
  #toolCalls: ToolCallEntry[] = [];
  /** Results of tools that finished while the model socket was being replaced. */
  #toolResultsForRecap: string[] = [];
  /** Bumped for every Realtime socket: a call_id belongs to the socket that issued it. */
  #rtEpoch = 0;
  #bargeIns: BargeInEntry[] = [];
  #frames = { in: 0, out: 0, marksOut: 0, marksIn: 0, badIn: 0, lateDeltasDropped: 0 };
  #chimes = 0;


  constructor(deps: CallSessionDeps) {
    this.#d = deps;
    this.#now = deps.now ?? (() => performance.now());
    this.#log = deps.log;
    this.#chime = deps.options.chime.enabled && deps.chimeFrames ? new ChimeSchedule(deps.options.chime) : null;
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
      listenerError: (err) => this.#log.error({ event: 'listener_error', leg: 'twilio', err }, 'listener error'),
    });
    if (this.#ended) return;
    if (!this.#d.options.apiKey) {
      this.#log.warn({ event: 'realtime_unavailable' }, 'no OpenAI key: closing stream for the TwiML fallback');
      this.end('no_api_key');
      return;
    }
    this.#connectRealtime();
  }

  /** Ends the call once: closes both legs, clears timers, hands the record over. */
  end(reason: CallEndReason): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#clearTimers();
    this.#abort.abort(new Error('call ended'));
    this.#rt?.close();
    this.#rt = null;
    if (!this.#d.twilio.closed) {
      const code = reason === 'start_mismatch' ? CLOSE_POLICY : reason === 'realtime_lost' || reason === 'no_api_key' ? CLOSE_FALLBACK : 1000;
      this.#d.twilio.close(code, reason);
    }
    const record = this.#record(reason);
    this.#d.metrics.callEnded(record.dialect, reason, record.frames);
    this.#d.metrics.lateDeltasDropped(record.frames.lateDeltasDropped);
    this.#d.metrics.chimes(record.chimes);
    this.#log.info(
      {
        event: 'call_ended',
        endReason: reason,
        served: record.served,
        durationMs: Date.parse(record.endedAt) - Date.parse(record.startedAt),
        firstAssistantAudioMs: record.firstAssistantAudioMs,
        bargeIns: record.bargeIns.length,
        toolCalls: record.toolCalls.length,
        reconnects: record.reconnects,
        frames: record.frames,
      },
      'call ended',
    );
    try {
      this.#d.context.onCallEnded(record);
    } catch (err) {
      this.#log.error({ event: 'call_record_sink_failed', err }, 'onCallEnded threw');
    }
    this.#d.onEnded(this);
  }

  // ── Twilio side ────────────────────────────────────────────────────────────

  #onTwilioMedia(payload: string): void {
    if (this.#out === null) return this.#outOfOrder();
    this.#frames.in++;
    // Before the session is configured (and during a reconnect) caller audio is dropped.
    if (this.#configured) this.#rt?.send(realtimeAppend(payload));
  }

  #onTwilio(m: Exclude<TwilioInbound, { kind: 'malformed' | 'media' }>): void {
    switch (m.kind) {
      case 'mark':
        if (this.#out === null) return this.#outOfOrder();
        this.#frames.marksIn++;
        if (this.#tracker.acked(m.name, this.#now()) && m.name.charCodeAt(0) === 97 /* a */) this.#heardAssistant = true;
        return;
      case 'start':
        if (this.#out !== null) return this.#outOfOrder();
        return this.#onStart(m);
      case 'connected':
        return;
      case 'dtmf':
        this.#log.info({ event: 'dtmf' }, 'caller pressed a key');
        return;
      case 'stop':
        if (this.#out === null) return this.#outOfOrder();
        return this.end('twilio_stop');
    }
  }

  #outOfOrder(): void {
    this.#frames.badIn++;
    this.#d.metrics.badFrame('order');
  }

  #onStart(m: Started): void {
    const c = this.#d.claims;
    const p = m.customParameters;
    const ok =
      p['tenant_id'] === c.tenantId &&
      p['actor_mode'] === c.actorMode &&
      p['tenant_mode'] === c.tenantMode &&
      p['rid'] === c.callSid &&
      m.callSid === c.callSid;
    if (!ok) {
      this.#d.metrics.streamRejected('start_mismatch');
      this.#log.warn({ event: 'stream_rejected', reason: 'start_mismatch' }, 'stream start does not match its token');
      this.end('start_mismatch');
      return;
    }
    this.#out = new TwilioOutbound(m.streamSid);
    this.#streamStartedAt = this.#now();
    this.#maybeConfigure();
  }

  /** One assistant frame; a mark follows it only when the tracker says one is due (sparse). */
  #sendAssistantFrame(out: TwilioOutbound, slice: string, now: number): void {
    const mark = this.#tracker.sent(base64ByteLength(slice), now);
    this.#frames.out++;
    if (mark === null) {
      this.#d.twilio.sendMedia(out.media(slice));
      return;
    }
    this.#d.twilio.sendMediaAndMark(out.media(slice), out.mark(mark));
    this.#frames.marksOut++;
  }

  /** End of an item's audio (or of a response): a mark so its last frames are confirmed. */
  #markEndOfAudio(): void {
    const out = this.#out;
    if (out === null) return;
    const mark = this.#tracker.markNow();
    if (mark === null) return;
    this.#d.twilio.send(out.mark(mark));
    this.#frames.marksOut++;
  }

  // ── Realtime side ──────────────────────────────────────────────────────────

  #connectRealtime(): void {
    const o = this.#d.options;
    this.#rtOpen = false;
    this.#configured = false;
    this.#rtEpoch++;
    const leg: RealtimeLeg = new RealtimeLeg({
      url: o.realtimeUrl,
      apiKey: o.apiKey,
      dialect: this.#d.dialect.dialect,
      handshakeTimeoutMs: o.reconnectTimeoutMs,
      events: {
        open: () => {
          if (this.#rt !== leg) return;
          this.#rtOpen = true;
          if (this.#reconnects > 0) {
            this.#clearReconnectTimer();
            this.#d.metrics.reconnect('ok');
            this.#log.info({ event: 'realtime_reconnect', outcome: 'ok' }, 'realtime reconnected');
          }
          this.#maybeConfigure();
        },
        event: (e) => {
          if (this.#rt === leg) this.#onRealtime(e);
        },
        closed: (info) => {
          if (this.#rt !== leg || info.byUs) return;
          this.#onRealtimeLost(info.opened, info.code);
        },
        listenerError: (err) => this.#log.error({ event: 'listener_error', leg: 'realtime', err }, 'listener error'),
      },
    });
    this.#rt = leg;
  }

  #onRealtimeLost(wasOpen: boolean, code: number): void {
    if (this.#ended) return;
    this.#rt = null;
    this.#rtOpen = false;
    this.#configured = false;
    this.#activeResponseId = null;
    this.#responseCreatePending = false;
    if (this.#reconnects === 0) {
      this.#reconnects = 1;
      this.#log.warn({ event: 'realtime_reconnect', wasOpen, code }, 'realtime socket lost; reconnecting once');
      this.#reconnectTimer = setTimeout(() => this.#giveUp('timeout'), this.#d.options.reconnectTimeoutMs);
      this.#reconnectTimer.unref();
      this.#connectRealtime();
      return;
    }
    this.#giveUp(`closed_${code}`);
  }

  #giveUp(why: string): void {
    if (this.#ended) return;
    this.#d.metrics.reconnect('failed');
    this.#log.error({ event: 'realtime_lost', why }, 'realtime unavailable; closing stream for the TwiML fallback');
    this.end('realtime_lost');
  }

  #maybeConfigure(): void {
    if (this.#configured || !this.#rtOpen || this.#out === null || !this.#rt) return;
    const ctx = this.#d.context;
    this.#rt.send(this.#d.dialect.dialect.sessionUpdate(this.#sessionSpec()));
    this.#configured = true;
    if (!this.#greeted) {
      this.#greeted = true;
      this.#greetingPending = true;
      this.#sendGreeting();
      this.#log.info({ event: 'session_configured', tools: ctx.tools.map((t) => t.name) }, 'session configured');
    } else {
      const recap = this.#recap();
      if (recap) this.#rt.send(systemMessageEvent(recap));
      this.#tellToolResultsFromRecap();
    }
  }

  #lastCallerUtterance(): { utterance?: string } {
    for (let i = this.#transcript.length - 1; i >= 0; i--) {
      const entry = this.#transcript[i]!;
      if (entry.role === 'caller') return { utterance: entry.text };
    }
    return {};
  }

  #tellToolResultsFromRecap(): void {
    if (this.#toolResultsForRecap.length === 0 || !this.#rt) return;
    const results = this.#toolResultsForRecap.splice(0);
    this.#rt.send(
      systemMessageEvent(`While the connection was interrupted, a tool you called finished:\n${results.join('\n')}\nTell the caller the outcome now.`),
    );
    if (this.#activeResponseId === null) this.#rt.send(this.#d.dialect.dialect.responseCreate({ modalities: this.#d.dialect.modalities }));
    else this.#responseCreatePending = true;
  }

  #sessionSpec() {
    const ctx = this.#d.context;
    return {
      instructions: ctx.instructions,
      voice: ctx.voice || this.#d.options.defaultVoice,
      tools: ctx.tools,
      transcriptionModel: this.#d.options.transcriptionModel,
      modalities: this.#d.dialect.modalities,
    };
  }

  #sendGreeting(): void {
    const greeting = this.#d.context.greeting;
    this.#rt?.send(
      this.#d.dialect.dialect.responseCreate({
        modalities: this.#d.dialect.modalities,
        instructions: `Greet the caller by saying exactly this, then wait for them: "${greeting}"`,
      }),
    );
  }

  #recap(): string | null {
    const lines = this.#transcript.slice(-RECAP_LINES);
    if (lines.length === 0) return null;
    const body = lines.map((l) => `${l.role}: ${l.text.slice(0, RECAP_LINE_CHARS)}`).join('\n');
    return `The connection was briefly interrupted. Conversation so far:\n${body}\nContinue naturally without greeting again.`;
  }

  #onRealtime(e: ServerEvent): void {
    switch (e.kind) {
      case 'audioDelta':
        return this.#onAudioDelta(e);
      case 'audioDone':
        if (!this.#dropped.includes(e.responseId)) this.#markEndOfAudio();
        return;
      case 'speechStarted':
        return this.#onSpeechStarted();
      case 'speechStopped':
        this.#startWaiting();
        return;
      case 'responseCreated':
        this.#activeResponseId = e.responseId;
        this.#greetingPending = false;
        return;
      case 'responseDone':
        if (this.#activeResponseId === e.responseId) this.#activeResponseId = null;
        if (!this.#dropped.includes(e.responseId)) this.#markEndOfAudio();
        if (this.#responseCreatePending && this.#activeResponseId === null) {
          this.#responseCreatePending = false;
          this.#rt?.send(this.#d.dialect.dialect.responseCreate({ modalities: this.#d.dialect.modalities }));
        }
        return;
      case 'functionCall':
        return this.#onFunctionCall(e);
      case 'callerTranscript':
        if (e.text.trim()) this.#transcript.push({ role: 'caller', text: e.text, at: new Date().toISOString() });
        return;
      case 'assistantTranscript':
        if (e.text.trim()) this.#transcript.push({ role: 'assistant', text: e.text, at: new Date().toISOString() });
        return;
      case 'error':
        return this.#onRealtimeError(e);
      default:
        return;
    }
  }

  #onAudioDelta(e: Extract<ServerEvent, { kind: 'audioDelta' }>): void {
    const out = this.#out;
    if (out === null) return;
    if (this.#dropped.includes(e.responseId)) {
      this.#frames.lateDeltasDropped++;
      return;
    }
    const now = this.#now();
    if (this.#firstAudioMs === null) {
      this.#firstAudioMs = now - this.#streamStartedAt;
      this.#d.metrics.firstAudio(this.#firstAudioMs / 1000);
    }
    if (this.#chime) {
      if (this.#chime.waiting) this.#stopWaiting();
      if (mustClearChimeBeforeAssistant({ chimeUnplayed: this.#tracker.hasUnplayedChime, assistantUnplayed: this.#tracker.hasUnplayedAssistant })) {
        this.#d.twilio.send(out.clear);
        this.#tracker.discard();
      }
    }
    this.#tracker.beginDelta(e.itemId, e.responseId, e.contentIndex);
    const d = e.delta;
    if (d.length <= OUT_FRAME_B64_CHARS) this.#sendAssistantFrame(out, d, now);
    else for (let i = 0; i < d.length; i += OUT_FRAME_B64_CHARS) this.#sendAssistantFrame(out, d.slice(i, i + OUT_FRAME_B64_CHARS), now);
  }

  #onSpeechStarted(): void {
    this.#callerSpoke = true;
    this.#stopWaiting();
    if (this.#out === null) return;
    const active = this.#activeResponseId;
    const playing = this.#tracker.hasUnplayedAssistant || this.#tracker.hasUnplayedChime;
    if (!playing && active === null) return;
    // Clear first: it is what the caller notices.
    this.#d.twilio.send(this.#out.clear);
    const { truncation, responseIds } = this.#tracker.interrupt(this.#now(), (id) => id === active);
    if (truncation) this.#rt?.send(truncateEvent(truncation));
    for (const id of responseIds) this.#dropResponse(id);
    if (active !== null) this.#dropResponse(active);
    if (truncation || active !== null) {
      this.#bargeIns.push({ at: new Date().toISOString(), itemId: truncation?.itemId ?? null, audioEndMs: truncation?.audioEndMs ?? null });
      this.#d.metrics.bargeIn(truncation !== null);
      this.#log.info({ event: 'barge_in', itemId: truncation?.itemId, audioEndMs: truncation?.audioEndMs }, 'caller barged in');
    }
  }

  #dropResponse(id: string): void {
    if (this.#dropped.includes(id)) return;
    this.#dropped.push(id);
    if (this.#dropped.length > DROPPED_RESPONSES_KEPT) this.#dropped.shift();
  }

  #onFunctionCall(e: Extract<ServerEvent, { kind: 'functionCall' }>): void {
    this.#toolRan = true;
    this.#startWaiting();
    const at = new Date().toISOString();
    const epoch = this.#rtEpoch;
    void runTool(this.#d.context.invokeTool.bind(this.#d.context), { name: e.name, callId: e.callId, argumentsJson: e.arguments, ...this.#lastCallerUtterance() }, {
      timeoutMs: this.#d.options.toolTimeoutMs,
      signal: this.#abort.signal,
      now: this.#now,
    }).then((r) => {
      const entry: ToolCallEntry = { name: e.name, callId: e.callId, ok: r.ok, latencyMs: Math.round(r.latencyMs), at };
      if (r.error) entry.error = r.error;
      this.#toolCalls.push(entry);
      this.#d.metrics.toolCall(e.name, r.ok, r.latencyMs / 1000);
      this.#log.info({ event: 'tool_call', tool: e.name, ok: r.ok, latencyMs: entry.latencyMs, error: r.error }, 'tool call finished');
      if (this.#ended) return;
      // A reconnected session does not know this call_id: tell it the result in words instead.
      if (epoch !== this.#rtEpoch || !this.#rt || !this.#configured) {
        this.#toolResultsForRecap.push(`${e.name} returned: ${r.output.slice(0, RECAP_TOOL_CHARS)}`);
        if (this.#rt && this.#configured) this.#tellToolResultsFromRecap();
        return;
      }
      this.#rt.send(functionOutputEvent(e.callId, r.output));
      if (this.#activeResponseId === null) this.#rt.send(this.#d.dialect.dialect.responseCreate({ modalities: this.#d.dialect.modalities }));
      else this.#responseCreatePending = true;
    });
  }

  #onRealtimeError(e: Extract<ServerEvent, { kind: 'error' }>): void {
    const code = e.code ?? 'unknown';
    this.#d.metrics.realtimeError(code);
    if (isModalityError(e) && !this.#modalityRetried) {
      this.#modalityRetried = true;
      const refused = this.#d.dialect.modalities;
      const next = pickSupportedModalities(e.message, refused, this.#d.dialect.dialect);
      if (next) {
        if (this.#d.dialect.remember(next)) {
          this.#log.warn({ event: 'modalities_learnt', refused, using: next }, 'server refused a modality set; using the supported one from now on');
        }
        this.#rt?.send(this.#d.dialect.dialect.sessionUpdate(this.#sessionSpec()));
        if (this.#greetingPending) this.#sendGreeting();
        return;
      }
    }
    if (this.#loggedErrorCodes.has(code)) return;
    this.#loggedErrorCodes.add(code);
    this.#log.warn({ event: 'realtime_error', code, param: e.param, message: e.message.slice(0, 200) }, 'realtime error');
  }

  // ── Chime ──────────────────────────────────────────────────────────────────

  #startWaiting(): void {
    if (!this.#chime || this.#chime.waiting) return;
    this.#chime.start(this.#now());
    this.#armChime();
  }

  #stopWaiting(): void {
    if (!this.#chime) return;
    this.#chime.stop();
    if (this.#chimeTimer) clearTimeout(this.#chimeTimer);
    this.#chimeTimer = null;
  }

  #armChime(): void {
    if (this.#chimeTimer) clearTimeout(this.#chimeTimer);
    this.#chimeTimer = null;
    const due = this.#chime?.nextDueAt();
    if (due === null || due === undefined || this.#ended) return;
    this.#chimeTimer = setTimeout(() => this.#onChimeTimer(), Math.max(0, due - this.#now()));
    this.#chimeTimer.unref();
  }

  #onChimeTimer(): void {
    this.#chimeTimer = null;
    const chime = this.#chime;
    const frames = this.#d.chimeFrames;
    if (!chime || !frames || this.#ended || this.#out === null) return;
    if (chime.take(this.#now()) && chimeMayPlay({ assistantUnplayed: this.#tracker.hasUnplayedAssistant, chimeUnplayed: this.#tracker.hasUnplayedChime })) {
      const now = this.#now();
      const last = frames.frames.length - 1;
      for (let i = 0; i < last; i++) {
        this.#tracker.sentChime(frames.bytesPerFrame[i]!, now);
        this.#d.twilio.sendMedia(this.#out.media(frames.frames[i]!));
      }
      // One mark per chime burst, after its last frame.
      this.#tracker.sentChime(frames.bytesPerFrame[last]!, now);
      const mark = this.#tracker.markNow();
      if (mark !== null) {
        this.#d.twilio.sendMediaAndMark(this.#out.media(frames.frames[last]!), this.#out.mark(mark));
        this.#frames.marksOut++;
      }
      this.#chimes++;
      this.#log.info({ event: 'chime' }, 'thinking chime');
    }
    this.#armChime();
  }

  // ── Teardown ───────────────────────────────────────────────────────────────

  #clearReconnectTimer(): void {
    if (this.#reconnectTimer) clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = null;
  }

  #clearTimers(): void {
    this.#clearReconnectTimer();
    if (this.#chimeTimer) clearTimeout(this.#chimeTimer);
    this.#chimeTimer = null;
    this.#chime?.stop();
  }

  #record(reason: CallEndReason): CallRecord {
    const c = this.#d.claims;
    return {
      callSid: c.callSid,
      tenantId: c.tenantId,
      actorMode: c.actorMode,
      tenantMode: c.tenantMode,
      dialect: this.#d.dialect.dialect.name,
      startedAt: this.#startedAtIso,
      endedAt: new Date().toISOString(),
      endReason: reason,
      served: (this.#heardAssistant && this.#callerSpoke) || this.#toolRan,
      transcript: this.#transcript,
      toolCalls: this.#toolCalls,
      bargeIns: this.#bargeIns,
      firstAssistantAudioMs: this.#firstAudioMs === null ? null : Math.round(this.#firstAudioMs),
      reconnects: this.#reconnects,
      chimes: this.#chimes,
      frames: { ...this.#frames },
    };
  }
}
