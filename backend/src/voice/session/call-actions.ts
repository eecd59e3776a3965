import type { Logger } from 'pino';
import type { CallAction, CallContext, CallEndReason } from '../call-context.js';
import type { CallLimitOptions } from '../options.js';
import { CallLimits } from './call-limits.js';
import type { Guard } from './guard.js';
import type { OutputMux, PlayedOutcome } from './output-mux.js';
import { PendingAction, type Pending } from './pending-action.js';
import type { RealtimeConnection } from './realtime-connection.js';
import { CANCELLED_NOTES, LINES } from './spoken-lines.js';
import type { TurnState } from './turn-state.js';

export interface CallActionsDeps {
  context: Pick<CallContext, 'act' | 'onActionCancelled'>;
  limits: CallLimitOptions;
  mux: Pick<OutputMux, 'whenPlayed'>;
  turns: Pick<TurnState, 'activeResponseId'>;
  realtime: Pick<RealtimeConnection, 'say' | 'tell'>;
  /** Tool calls still running: the caller's silence does not count while one is. */
  toolsRunning(): number;
  ended(): boolean;
  end(reason: CallEndReason): void;
  guard: Guard;
  log: Logger;
}

/**
 * Call control inside the session (issue 13): a transfer or hang-up waits behind the words that
 * announce it (a backstop runs it if they never finish), runs once they have played, and is
 * called off when the caller speaks over them; the limits (duration, silence) arm the same way.
 * Nothing here is on the audio path: it hears of responses, barge-ins and played lines.
 */
export class CallActions {
  readonly #d: CallActionsDeps;
  readonly #pending = new PendingAction();
  readonly #limits: CallLimits;
  #backstop: NodeJS.Timeout | null = null;

  constructor(deps: CallActionsDeps) {
    this.#d = deps;
    this.#limits = new CallLimits({
      limits: deps.limits,
      guard: deps.guard,
      onWarn: () => {
        deps.log.info({ event: 'call_limit', limit: 'duration_warning' }, 'call nears its maximum duration');
        deps.realtime.say(LINES.durationWarning);
      },
      onMaxDuration: () => this.#finishWith({ action: { kind: 'hang_up', reason: 'max_duration' }, endReason: 'max_duration' }, LINES.durationGoodbye),
      onSilence: (final) => {
        deps.log.info({ event: 'call_limit', limit: final ? 'silence_end' : 'silence_prompt' }, 'caller silent');
        if (final) this.#finishWith({ action: { kind: 'hang_up', reason: 'silence' }, endReason: 'silence' }, LINES.silenceGoodbye);
        else deps.realtime.say(LINES.stillThere);
      },
    });
  }

  /** The stream's `start`: the limits' clocks run from here. */
  streamStarted(): void {
    this.#limits.start();
  }

  stop(): void {
    this.#limits.stop();
    this.#clearBackstop();
  }

  callerSpoke(): void {
    this.#limits.callerSpoke();
  }

  /** The assistant is answering or running a tool: the caller's silence does not count. */
  assistantBusy(): void {
    this.#limits.assistantBusy();
  }

  responseCreated(responseId: string): void {
    this.#pending.responseCreated(responseId);
    this.#limits.assistantBusy();
  }

  /** Whether the line announcing an armed action had started: read before a barge-in cuts it. */
  get lineStarted(): boolean {
    return this.#pending.lineStarted;
  }

  /**
   * The caller spoke. Over a handoff or goodbye that had started: called off, so nobody is moved
   * mid-sentence. A time limit's goodbye cut short is said again by the next response instead.
   */
  bargedIn(overTheLine: boolean): void {
    if (!overTheLine || !this.#cancel()) this.#pending.interrupted();
  }

  /** A response ended: its announcing line played → the action; else the caller's silence counts once played. */
  responseDone(responseId: string): void {
    if (this.#pending.responseDone(responseId)) {
      this.#d.mux.whenPlayed((outcome: PlayedOutcome) => {
        if (outcome === 'played') this.#execute();
        else if (outcome === 'interrupted') this.#pending.interrupted();
      });
      return;
    }
    if (this.#pending.armed || this.#d.turns.activeResponseId !== null || this.#d.toolsRunning() > 0) return;
    this.#d.mux.whenPlayed((outcome) => {
      if (outcome === 'played' && this.#d.turns.activeResponseId === null && this.#d.toolsRunning() === 0) this.#limits.assistantIdle();
    });
  }

  /** The model's `transfer_call` or `end_call`: the model says the line in answer to the tool output. */
  fromTool(action: CallAction): void {
    this.#finishWith({ action, endReason: action.kind === 'transfer' ? 'transferred' : 'assistant_hangup' });
  }

  /** A barge-in over the announcing line: the action is dropped, recorded, and the model told. */
  #cancel(): boolean {
    const p = this.#pending.cancel();
    if (!p) return false;
    this.#clearBackstop();
    this.#limits.release();
    this.#d.log.info({ event: 'call_action_cancelled', action: p.action.kind, reason: p.endReason }, 'caller spoke over the line: call action called off');
    this.#d.realtime.tell(CANCELLED_NOTES[p.action.kind]);
    const { context } = this.#d;
    const onCancelled = context.onActionCancelled;
    if (onCancelled) this.#d.guard('action_cancelled_sink', () => onCancelled.call(context, p.action))();
    return true;
  }

  /** Arms an action for after the next assistant words (`line`: asked by the bridge itself). */
  #finishWith(p: Pending, line?: string): void {
    if (this.#d.ended() || !this.#pending.arm(p)) return;
    this.#limits.hold();
    this.#d.log.info({ event: 'call_action_armed', action: p.action.kind, reason: p.endReason }, 'call action waits for the assistant to finish');
    if (line) this.#d.realtime.say(line);
    this.#backstop = setTimeout(this.#d.guard('action_backstop', () => this.#execute()), this.#d.limits.actionBackstopMs);
    this.#backstop.unref();
  }

  /** The announcing line has played: hand the call to Twilio (REST update), then close the stream. */
  #execute(): void {
    this.#clearBackstop();
    const p = this.#pending.take();
    if (!p || this.#d.ended()) return;
    const { context } = this.#d;
    const act = context.act;
    this.#d.log.info({ event: 'call_action', action: p.action.kind, reason: p.endReason }, 'executing call action');
    if (!act) return this.#d.end(p.endReason);
    const done = this.#d.guard('call_action', (ok: boolean) => {
      if (this.#d.ended()) return;
      if (ok || p.action.kind === 'hang_up') return this.#d.end(p.endReason);
      // The transfer was refused: the call goes on, and the model offers a message instead.
      this.#pending.reset();
      this.#limits.release();
      this.#d.realtime.say(LINES.transferFailed);
    });
    void act.call(context, p.action).then(done, () => done(false));
  }

  #clearBackstop(): void {
    if (this.#backstop) clearTimeout(this.#backstop);
    this.#backstop = null;
  }
}
