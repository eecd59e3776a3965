/**
 * The calls this process is carrying, so shutdown can wait for them to finish (drain) and
 * then end whatever is left. One per runtime, handed to the media-stream route.
 */
export interface ActiveCall {
  end(reason: string): void;
}

export class ActiveCalls<C extends ActiveCall = ActiveCall> {
  readonly #calls = new Set<C>();
  #waiters: (() => void)[] = [];

  get size(): number {
    return this.#calls.size;
  }

  add(call: C): void {
    this.#calls.add(call);
  }

  delete(call: C): void {
    this.#calls.delete(call);
    if (this.#calls.size === 0) for (const wake of this.#waiters.splice(0)) wake();
  }

  /** Resolves once no call is active (at once when none is). */
  idle(): Promise<void> {
    return this.#calls.size === 0 ? Promise.resolve() : new Promise((resolve) => this.#waiters.push(resolve));
  }

  endAll(reason: string): void {
    for (const call of [...this.#calls]) call.end(reason);
  }
}
