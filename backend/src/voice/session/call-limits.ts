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
    if (warnBeforeMs > 0 && maxCallMs > warnBeforeMs) this.#warnTimer = unref(setTimeout(this.#d.guard('warn_timer', () => this.#d.onWarn()), maxCallMs - warnBeforeMs));
    this.#maxTimer = unref(setTimeout(this.#d.guard('max_duration_timer', () => this.#d.onMaxDuration()), maxCallMs));
  }

  /** The assistant finished and its words have played: the caller's silence counts from now. */
  assistantIdle(): void {
    if (this.#stopped || this.#silenceTimer) return;
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

  /** No timer left behind (call ended, or a call action is under way). */
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
