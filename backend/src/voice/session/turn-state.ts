/** Interrupted response ids remembered to drop their late deltas. */
const DROPPED_RESPONSES_KEPT = 16;

/** Time to the first assistant frame sent: after the stream's start (greeting) or the caller's turn. */
export interface TurnLatency {
  kind: 'greeting' | 'reply';
  ms: number;
}

/**
 * Turn and barge-in bookkeeping (pure; times are passed in). The server refuses a
 * `response.create` while a response is active, so one asked for then is deferred until that
 * response is done. Responses interrupted by the caller are dropped: their late deltas are not
 * played. Turn timing: from the stream's `start` (greeting) or the caller's `speech_stopped`
 * to the first assistant frame sent after it.
 */
export class TurnState {
  #active: string | null = null;
  #createDeferred = false;
  #greetingPending = false;
  #dropped: string[] = [];
  /** Start of the turn waiting for its first assistant frame; NaN when none is waiting. */
  #turnStart = Number.NaN;
  #turnKind: TurnLatency['kind'] = 'greeting';

  get activeResponseId(): string | null {
    return this.#active;
  }

  /** A greeting was asked for and no response has been created yet (re-sent after a modality retry). */
  get greetingPending(): boolean {
    return this.#greetingPending;
  }

  /** True while a turn waits for its first assistant frame: one check per delta on the hot path. */
  get awaitingAudio(): boolean {
    return this.#turnStart === this.#turnStart;
  }

  greetingRequested(): void {
    this.#greetingPending = true;
  }

  responseCreated(responseId: string): void {
    this.#active = responseId;
    this.#greetingPending = false;
  }

  /** The response ended; true when a deferred `response.create` is due now. */
  responseDone(responseId: string): boolean {
    if (this.#active === responseId) this.#active = null;
    if (!this.#createDeferred || this.#active !== null) return false;
    this.#createDeferred = false;
    return true;
  }

  /** A `response.create` is wanted: true = send it now, false = deferred until the active response is done. */
  requestResponse(): boolean {
    if (this.#active === null) return true;
    this.#createDeferred = true;
    return false;
  }

  /** The model socket is gone: nothing is active on the next one, nothing is owed to it. */
  connectionLost(): void {
    this.#active = null;
    this.#createDeferred = false;
  }

  isDropped(responseId: string): boolean {
    return this.#dropped.length !== 0 && this.#dropped.includes(responseId);
  }

  drop(responseId: string): void {
    if (this.#dropped.includes(responseId)) return;
    this.#dropped.push(responseId);
    if (this.#dropped.length > DROPPED_RESPONSES_KEPT) this.#dropped.shift();
  }

  /** The stream started: the greeting's turn begins. */
  streamStarted(now: number): void {
    this.#turnStart = now;
    this.#turnKind = 'greeting';
  }

  /**
   * The caller stopped speaking: a reply turn begins (a later stop restarts it, so the time
   * counts from the caller's last words). The greeting's own turn is left to finish.
   */
  callerTurnEnded(now: number): void {
    if (this.#turnKind === 'greeting' && this.awaitingAudio) return;
    this.#turnStart = now;
    this.#turnKind = 'reply';
  }

  /** The first assistant frame of the waiting turn was sent; null when no turn was waiting. */
  assistantAudioSent(now: number): TurnLatency | null {
    if (!this.awaitingAudio) return null;
    const latency: TurnLatency = { kind: this.#turnKind, ms: now - this.#turnStart };
    this.#turnStart = Number.NaN;
    return latency;
  }
}
