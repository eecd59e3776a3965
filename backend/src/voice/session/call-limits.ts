import type { CallLimitOptions } from '../options.js';
import type { Guard } from './guard.js';

export interface CallLimitsDeps {
  limits: CallLimitOptions;
  guard: Guard;
  /** `warnBeforeMs` before the maximum duration. */
  onWarn(): void;
  onMaxDuration(): void;
  /** The caller has been silent `silenceMs` while the assistant was idle; `final` = already prompted once. */
  onSilence(final: boolean): void;
}

/**
 * The call's limits, as timers beside the output mux (none on the audio path): the maximum
 * duration (a warning first) and the caller's silence while the assistant is idle (one "are
 * you still there?", then the end). Started at the stream's `start`, stopped at the end.
 */
export class CallLimits {
  readonly #d: CallLimitsDeps;
  #warnTimer: NodeJS.Timeout | null = null;
  #maxTimer: NodeJS.Timeout | null = null;
  #silenceTimer: NodeJS.Timeout | null = null;
  #prompted = false;
  #stopped = false;
  /** A call action is under way: nothing is said over its line. */
  #held = false;
  /** The maximum fell due while held: it fires at `release`. */
  #maxDue = false;
  readonly #onSilence: () => void;

  constructor(deps: CallLimitsDeps) {
    this.#d = deps;
    this.#onSilence = deps.guard('silence_timer', () => {
      this.#silenceTimer = null;
      const final = this.#prompted;
      this.#prompted = true;
      this.#d.onSilence(final);
    });
  }

  start(): void {
    const { maxCallMs, warnBeforeMs } = this.#d.limits;
    const warn = () => {
      if (!this.#held) this.#d.onWarn();
    };
    const max = () => {
      if (this.#held) this.#maxDue = true;
      else this.#d.onMaxDuration();
    };
    if (warnBeforeMs > 0 && maxCallMs > warnBeforeMs) this.#warnTimer = unref(setTimeout(this.#d.guard('warn_timer', warn), maxCallMs - warnBeforeMs));
    this.#maxTimer = unref(setTimeout(this.#d.guard('max_duration_timer', max), maxCallMs));
  }

  /** The assistant finished and its words have played: the caller's silence counts from now. */
  assistantIdle(): void {
    if (this.#stopped || this.#held || this.#silenceTimer) return;
    this.#silenceTimer = unref(setTimeout(this.#onSilence, this.#d.limits.silenceMs));
  }

  /** The assistant is answering or a tool runs: nobody is waiting on the caller. */
  assistantBusy(): void {
    this.#clearSilence();
  }

  callerSpoke(): void {
    this.#prompted = false;
    this.#clearSilence();
  }

  /** A call action's line is under way: no silence prompt or warning over it; the maximum still counts. */
  hold(): void {
    this.#held = true;
    this.#clearSilence();
  }

  /** The action was called off or refused: the limits apply again (a maximum reached meanwhile, now). */
  release(): void {
    if (!this.#held || this.#stopped) return;
    this.#held = false;
    if (this.#maxDue) {
      this.#maxDue = false;
      this.#d.onMaxDuration();
    }
  }

  /** No timer left behind (the call ended). */
  stop(): void {
    this.#stopped = true;
    this.#clearSilence();
    for (const t of [this.#warnTimer, this.#maxTimer]) if (t) clearTimeout(t);
    this.#warnTimer = this.#maxTimer = null;
  }

  #clearSilence(): void {
    if (this.#silenceTimer) clearTimeout(this.#silenceTimer);
    this.#silenceTimer = null;
  }
}

function unref(t: NodeJS.Timeout): NodeJS.Timeout {
  t.unref();
  return t;
}
