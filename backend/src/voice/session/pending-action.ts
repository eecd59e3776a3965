import type { CallAction, CallEndReason } from '../call-context.js';

/** Actions a caller may call off by speaking over their line; a time limit is not one of them. */
const CANCELLABLE: ReadonlySet<CallEndReason> = new Set(['transferred', 'assistant_hangup', 'silence']);

export interface Pending {
  action: CallAction;
  endReason: CallEndReason;
}

/**
 * A call action waiting for the assistant's words that announce it (pure). The first response
 * created after `arm` carries the handoff or goodbye line; when that response is done the
 * router asks the mux for `whenPlayed`. A barge-in cut the line: the next response counts.
 */
export class PendingAction {
  #pending: Pending | null = null;
  #responseId: string | null = null;
  #taken = false;

  get armed(): boolean {
    return this.#pending !== null;
  }

  /** The response carrying the announcing line has been created: the caller may be hearing it. */
  get lineStarted(): boolean {
    return this.#pending !== null && this.#responseId !== null;
  }

  /** The first action wins; later ones (a second tool call, the duration limit) are ignored. */
  arm(p: Pending): boolean {
    if (this.#pending || this.#taken) return false;
    this.#pending = p;
    return true;
  }

  responseCreated(responseId: string): void {
    if (this.#pending && this.#responseId === null) this.#responseId = responseId;
  }

  /** True when this response carried the announcing line: wait for it to play. */
  responseDone(responseId: string): boolean {
    return this.#pending !== null && this.#responseId === responseId;
  }

  /** The caller cut the line short: wait for the next response. */
  interrupted(): void {
    this.#responseId = null;
  }

  /** Once: the action to execute now (null if already taken). */
  take(): Pending | null {
    const p = this.#pending;
    if (!p || this.#taken) return null;
    this.#taken = true;
    this.#pending = null;
    return p;
  }

  /**
   * The caller spoke over the announcing line: a cancellable action is called off (returned, and
   * a new one may be armed); a time limit's goodbye is not (null: its line is said again).
   */
  cancel(): Pending | null {
    const p = this.#pending;
    if (!p || this.#taken || !CANCELLABLE.has(p.endReason)) return null;
    this.reset();
    return p;
  }

  /** The action failed (e.g. the transfer was refused): the call goes on, a new action may be armed. */
  reset(): void {
    this.#pending = null;
    this.#responseId = null;
    this.#taken = false;
  }
}
