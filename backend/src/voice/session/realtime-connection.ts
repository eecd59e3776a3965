import type { Logger } from 'pino';
import type { CallContext, TranscriptEntry } from '../call-context.js';
import { functionOutputEvent, systemMessageEvent } from '../client-events.js';
import type { ServerEvent } from '../dialects/dialect.js';
import type { DialectState } from '../dialects/dialect-state.js';
import type { VoiceMetrics } from '../metrics.js';
import type { VoiceOptions } from '../options.js';
import { RealtimeLeg } from '../realtime-leg.js';
import { realtimeAppend } from '../twilio-wire.js';
import type { Guard } from './guard.js';
import { recapMessage, toolResultLine, toolResultsMessage } from './recap.js';
import { ServerErrors } from './server-errors.js';
import type { TurnState } from './turn-state.js';

export interface RealtimeConnectionDeps {
  options: VoiceOptions;
  dialect: DialectState;
  context: Pick<CallContext, 'instructions' | 'voice' | 'tools' | 'greeting'>;
  turns: TurnState;
  metrics: Pick<VoiceMetrics, 'reconnect' | 'realtimeError'>;
  log: Logger;
  guard: Guard;
  /** Server events of the current socket only (a replaced socket is muted). */
  onEvent(e: ServerEvent): void;
  /** The model is unreachable for good (the one reconnect failed too). */
  onLost(): void;
  /** A listener threw inside the leg. */
  onListenerError(err: unknown): void;
  /** The conversation so far, for the recap after a reconnect. */
  transcript(): readonly TranscriptEntry[];
  /** A sampled audio delta's receipt → frames sent, in ms (the bridge's own share). */
  onShare?(ms: number): void;
}

/**
 * The model side of a call: opens the Realtime socket, configures the session and asks for
 * the greeting once the Twilio stream has started, reconnects once after a drop (same
 * `session.update` plus a recap, no second greeting), and tells a reconnected model in
 * words about tool results whose `call_id` belonged to the old socket.
 */
export class RealtimeConnection {
  readonly #d: RealtimeConnectionDeps;
  #rt: RealtimeLeg | null = null;
  #open = false;
  #configured = false;
  #streamReady = false;
  #greeted = false;
  #closed = false;
  #reconnects = 0;
  #reconnectTimer: NodeJS.Timeout | null = null;
  /** Bumped for every socket: a call_id belongs to the socket that issued it. */
  #epoch = 0;
  #toolResultsForRecap: string[] = [];
  /** Instructions for a `response.create` deferred behind the active response. */
  #deferredInstructions: string | null = null;
  readonly #errors: ServerErrors;

  constructor(deps: RealtimeConnectionDeps) {
    this.#d = deps;
    this.#errors = new ServerErrors(deps.dialect);
  }

  get reconnects(): number {
    return this.#reconnects;
  }

  get epoch(): number {
    return this.#epoch;
  }

  connect(): void {
    const o = this.#d.options;
    this.#open = false;
    this.#configured = false;
    this.#epoch++;
    const leg: RealtimeLeg = new RealtimeLeg({
      url: o.realtimeUrl,
      apiKey: o.apiKey,
      dialect: this.#d.dialect.dialect,
      handshakeTimeoutMs: o.reconnectTimeoutMs,
      events: {
        open: () => {
          if (this.#rt !== leg) return;
          this.#open = true;
          if (this.#reconnects > 0) {
            this.#clearReconnectTimer();
            this.#d.metrics.reconnect('ok');
            this.#d.log.info({ event: 'realtime_reconnect', outcome: 'ok' }, 'realtime reconnected');
          }
          this.#maybeConfigure();
        },
        event: (e) => {
          if (this.#rt === leg) this.#d.onEvent(e);
        },
        closed: (info) => {
          if (this.#rt === leg && !info.byUs) this.#lost(info.opened, info.code);
        },
        listenerError: this.#d.onListenerError,
        ...(this.#d.onShare ? { share: this.#d.onShare } : {}),
      },
    });
    this.#rt = leg;
  }

  /** Twilio's `start` checked out: configure as soon as the socket is open. */
  streamReady(): void {
    this.#streamReady = true;
    this.#maybeConfigure();
  }

  /** Caller audio, the hot path. Dropped until the session is configured (and during a reconnect). */
  appendAudio(payload: string): void {
    if (this.#configured) this.#rt?.send(realtimeAppend(payload));
  }

  send(text: string): void {
    this.#rt?.send(text);
  }

  /** `response.create` now, or once the active response is done. */
  requestResponse(): void {
    if (this.#d.turns.requestResponse()) this.responseCreate();
  }

  /** A deferred `response.create` became due (the active response is done). */
  responseCreate(): void {
    const instructions = this.#deferredInstructions;
    this.#deferredInstructions = null;
    this.#rt?.send(this.#d.dialect.dialect.responseCreate({ modalities: this.#d.dialect.modalities, ...(instructions ? { instructions } : {}) }));
  }

  /** A response with these instructions (a limit's warning, a goodbye), now or after the active one. */
  say(instructions: string): void {
    if (this.#closed) return;
    this.#deferredInstructions = instructions;
    if (this.#d.turns.requestResponse()) this.responseCreate();
  }

  /** A note for the model (a system item) without asking for a response: the caller's turn brings one. */
  tell(text: string): void {
    if (this.#closed || !this.#configured) return;
    this.#rt?.send(systemMessageEvent(text));
  }

  /** A tool finished: its output to the socket that asked, or in words to a reconnected one. */
  toolResult(epoch: number, name: string, callId: string, output: string): void {
    if (this.#closed) return;
    if (epoch !== this.#epoch || !this.#rt || !this.#configured) {
      this.#toolResultsForRecap.push(toolResultLine(name, output));
      if (this.#rt && this.#configured) this.#tellToolResults();
      return;
    }
    this.#rt.send(functionOutputEvent(callId, output));
    this.requestResponse();
  }

  /** A server `error`: a refused modality set is retried once; anything else is logged once per code. */
  serverError(e: Extract<ServerEvent, { kind: 'error' }>): void {
    this.#d.metrics.realtimeError(e.code ?? 'unknown');
    const verdict = this.#errors.judge(e);
    if (verdict.action === 'retry_modalities') {
      const { refused, using } = verdict;
      if (verdict.learnt) this.#d.log.warn({ event: 'modalities_learnt', refused, using }, 'server refused a modality set; using the supported one from now on');
      this.#rt?.send(this.#d.dialect.dialect.sessionUpdate(this.#sessionSpec()));
      if (this.#d.turns.greetingPending) this.#sendGreeting();
    } else if (verdict.action === 'log') {
      this.#d.log.warn({ event: 'realtime_error', code: verdict.code, param: e.param, message: e.message.slice(0, 200) }, 'realtime error');
    }
  }

  /** The call ended: socket closed at once, timer cleared, nothing more sent. */
  close(): void {
    this.#closed = true;
    this.#clearReconnectTimer();
    this.#rt?.close();
    this.#rt = null;
  }

  #lost(wasOpen: boolean, code: number): void {
    if (this.#closed) return;
    this.#rt = null;
    this.#open = false;
    this.#configured = false;
    this.#d.turns.connectionLost();
    if (this.#reconnects > 0) return this.#giveUp(`closed_${code}`);
    this.#reconnects = 1;
    this.#d.log.warn({ event: 'realtime_reconnect', wasOpen, code }, 'realtime socket lost; reconnecting once');
    this.#reconnectTimer = setTimeout(
      this.#d.guard('reconnect_timer', () => this.#giveUp('timeout')),
      this.#d.options.reconnectTimeoutMs,
    );
    this.#reconnectTimer.unref();
    this.connect();
  }

  #giveUp(why: string): void {
    if (this.#closed) return;
    this.#d.metrics.reconnect('failed');
    this.#d.log.error({ event: 'realtime_lost', why }, 'realtime unavailable; closing stream for the TwiML fallback');
    this.#d.onLost();
  }

  #maybeConfigure(): void {
    const rt = this.#rt;
    if (this.#configured || !this.#open || !this.#streamReady || !rt) return;
    rt.send(this.#d.dialect.dialect.sessionUpdate(this.#sessionSpec()));
    this.#configured = true;
    if (!this.#greeted) {
      this.#greeted = true;
      this.#d.turns.greetingRequested();
      this.#sendGreeting();
      this.#d.log.info({ event: 'session_configured', tools: this.#d.context.tools.map((t) => t.name) }, 'session configured');
      return;
    }
    const recap = recapMessage(this.#d.transcript());
    if (recap) rt.send(systemMessageEvent(recap));
    this.#tellToolResults();
  }

  #tellToolResults(): void {
    if (this.#toolResultsForRecap.length === 0 || !this.#rt) return;
    const results = this.#toolResultsForRecap.splice(0);
    this.#rt.send(systemMessageEvent(toolResultsMessage(results)));
    this.requestResponse();
  }

  #sendGreeting(): void {
    this.#rt?.send(
      this.#d.dialect.dialect.responseCreate({
        modalities: this.#d.dialect.modalities,
        instructions: `Greet the caller by saying exactly this, then wait for them: "${this.#d.context.greeting}"`,
      }),
    );
  }

  #sessionSpec() {
    const { context, options, dialect } = this.#d;
    return { instructions: context.instructions, voice: context.voice || options.defaultVoice, tools: context.tools, transcriptionModel: options.transcriptionModel, modalities: dialect.modalities };
  }

  #clearReconnectTimer(): void {
    if (this.#reconnectTimer) clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = null;
  }
}
