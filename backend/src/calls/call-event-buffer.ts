import type { Logger } from 'pino';

export interface CallEventBufferOptions {
  log: Logger;
  /** Waits between retries of a call's oldest unwritten write; the last one repeats. */
  retryDelaysMs?: readonly number[];
  /** A write still failing after this long is given up on (logged as lost, loudly). */
  giveUpAfterMs?: number;
  now?: () => number;
}

interface Pending {
  label: string;
  write: () => Promise<void>;
  since: number;
}

/** A call's writes not yet landed, oldest first; `failing` once the head could not be written. */
interface CallQueue {
  items: Pending[];
  failing: boolean;
}

const DEFAULT_RETRY_DELAYS_MS = [100, 250, 500, 1000, 2000];
const DEFAULT_GIVE_UP_AFTER_MS = 10 * 60_000;

/**
 * Keeps a call's lifecycle writes when the database is briefly away: a write that fails is kept
 * in memory, in order per call, and retried with backoff until it lands; later writes of that
 * call queue behind it (the lifecycle decides from the stream's history, so order matters).
 * One pump per call writes its queue, so two writes of a call never race.
 * Callers never wait on an outage: `submit` resolves once the write is done or kept.
 * What is lost: writes kept when the process dies, or still failing after `giveUpAfterMs`.
 */
export class CallEventBuffer {
  readonly #log: Logger;
  readonly #delays: readonly number[];
  readonly #giveUpAfterMs: number;
  readonly #now: () => number;
  readonly #queues = new Map<string, CallQueue>();
  #written = 0;
  #kept = 0;
  #lost = 0;
  #idleWaiters: (() => void)[] = [];

  constructor(o: CallEventBufferOptions) {
    this.#log = o.log;
    this.#delays = o.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.#giveUpAfterMs = o.giveUpAfterMs ?? DEFAULT_GIVE_UP_AFTER_MS;
    this.#now = o.now ?? Date.now;
  }

  /** Writes now, or keeps the write for later: `'written'` or `'kept'`; never rejects. */
  async submit(callSid: string, label: string, write: () => Promise<void>): Promise<'written' | 'kept'> {
    const item: Pending = { label, write, since: this.#now() };
    const queue = this.#queues.get(callSid);
    if (queue) {
      // Behind a write of this call still in flight or kept: its pump will write this one.
      queue.items.push(item);
      if (queue.failing) this.#keep(callSid, item);
      return 'kept';
    }
    this.#queues.set(callSid, { items: [item], failing: false });
    const landed = await this.#pump(callSid, 0);
    return landed ? 'written' : 'kept';
  }

  /** Writes kept and not landed yet, over every call. */
  get pending(): number {
    let n = 0;
    for (const q of this.#queues.values()) n += q.items.length;
    return n;
  }

  get stats(): { written: number; kept: number; lost: number; pending: number } {
    return { written: this.#written, kept: this.#kept, lost: this.#lost, pending: this.pending };
  }

  /** Resolves when nothing is kept or in flight (for shutdown, under the drain deadline). */
  idle(): Promise<void> {
    if (this.#queues.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** Writes the call's queue in order; true when it emptied, false when a retry is scheduled. */
  async #pump(callSid: string, attempt: number): Promise<boolean> {
    const queue = this.#queues.get(callSid)!;
    while (queue.items.length) {
      const head = queue.items[0]!;
      try {
        await head.write();
        this.#written++;
        queue.items.shift();
      } catch (err) {
        if (this.#now() - head.since >= this.#giveUpAfterMs) {
          this.#lost++;
          queue.items.shift();
          this.#log.error({ event: 'call_event_lost', callSid, label: head.label, err: (err as Error).message }, 'call event given up after retrying');
          continue;
        }
        if (!queue.failing) {
          queue.failing = true;
          this.#log.warn({ event: 'call_store_unavailable', callSid, err: (err as Error).message }, 'call events kept in memory until the database answers');
          for (const item of queue.items) this.#keep(callSid, item);
        }
        this.#retryLater(callSid, attempt);
        return false;
      }
    }
    this.#queues.delete(callSid);
    if (queue.failing) this.#log.info({ event: 'call_events_flushed', callSid }, 'kept call events written');
    if (this.#queues.size === 0) for (const wake of this.#idleWaiters.splice(0)) wake();
    return true;
  }

  #keep(callSid: string, item: Pending): void {
    this.#kept++;
    this.#log.warn({ event: 'call_event_kept', callSid, label: item.label }, 'call event kept');
  }

  #retryLater(callSid: string, attempt: number): void {
    const delay = this.#delays[Math.min(attempt, this.#delays.length - 1)] ?? 1000;
    // A shutdown waits for the buffer through `idle()` under its own deadline, not on timers.
    setTimeout(() => void this.#pump(callSid, attempt + 1), delay).unref();
  }
}
