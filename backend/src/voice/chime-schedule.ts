/**
 * When to play the thinking chime (pure; `now` is passed in). Waiting starts when the
 * caller's turn ends or a tool starts, ends when assistant audio begins, the caller
 * speaks, or the call ends. Chime k is due at start + trigger + k·every, only while that is
 * under the max waiting time.
 */
export interface ChimeTiming {
  triggerMs: number;
  everyMs: number;
  maxSeconds: number;
}

export function chimeDueAt(waitStart: number, k: number, t: ChimeTiming): number | null {
  const offset = t.triggerMs + k * t.everyMs;
  return offset < t.maxSeconds * 1000 ? waitStart + offset : null;
}

/** Output mux: assistant audio has priority; a chime plays only into an idle line. */
export function chimeMayPlay(line: { assistantUnplayed: boolean; chimeUnplayed: boolean }): boolean {
  return !line.assistantUnplayed && !line.chimeUnplayed;
}

/** Assistant audio starting while a chime is still queued at Twilio: clear it first. */
export function mustClearChimeBeforeAssistant(line: { chimeUnplayed: boolean; assistantUnplayed: boolean }): boolean {
  return line.chimeUnplayed && !line.assistantUnplayed;
}

export class ChimeSchedule {
  readonly #t: ChimeTiming;
  #waitStart: number | null = null;
  #k = 0;

  constructor(timing: ChimeTiming) {
    this.#t = timing;
  }

  get waiting(): boolean {
    return this.#waitStart !== null;
  }

  /** Starts waiting unless already waiting (a tool during a wait keeps the original start). */
  start(now: number): void {
    if (this.#waitStart !== null) return;
    this.#waitStart = now;
    this.#k = 0;
  }

  stop(): void {
    this.#waitStart = null;
  }

  /** Next due time, or null when not waiting or past the max. */
  nextDueAt(): number | null {
    return this.#waitStart === null ? null : chimeDueAt(this.#waitStart, this.#k, this.#t);
  }

  /**
   * Called when the timer fires: true if a chime should be emitted now (the caller then
   * checks the mux). Skips any chimes whose slot already passed.
   */
  take(now: number): boolean {
    const due = this.nextDueAt();
    if (due === null || now < due) return false;
    while (true) {
      const next = this.nextDueAt();
      if (next === null || next > now) break;
      this.#k++;
    }
    return true;
  }
}
