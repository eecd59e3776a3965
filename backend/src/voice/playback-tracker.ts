import { bytesToMs } from './mulaw-framing.js';

/**
 * What the caller has actually heard, from echoed Twilio marks (pure; `now` is passed in).
 * Every frame sent to Twilio is followed by a mark; Twilio echoes it once the frame has
 * played, or at once when a `clear` discarded it. Mark names carry a generation bumped on
 * every clear, so echoes of discarded frames are recognised and ignored.
 */
export interface Truncation {
  itemId: string;
  contentIndex: number;
  audioEndMs: number;
}

export interface Interruption {
  truncation: Truncation | null;
  /** Responses whose remaining deltas must be dropped. */
  responseIds: string[];
}

interface Frame {
  seq: number;
  name: string;
  /** null for chime frames. */
  itemId: string | null;
  responseId: string | null;
  contentIndex: number;
  startMs: number;
  durationMs: number;
  sentAt: number;
}

interface ItemState {
  responseId: string;
  contentIndex: number;
  sentMs: number;
  playedMs: number;
}

export class PlaybackTracker {
  #gen = 1;
  #seq = 0;
  #prefixA = 'a1.';
  #prefixC = 'c1.';
  #pending: Frame[] = [];
  #head = 0;
  #items = new Map<string, ItemState>();
  #lastItemId: string | null = null;
  #lastAckAt = 0;
  #pendingAssistant = 0;
  #pendingChime = 0;
  #acks = 0;

  get generation(): number {
    return this.#gen;
  }

  /** Marks echoed for frames of the current generation (i.e. audio the caller heard). */
  get acks(): number {
    return this.#acks;
  }

  get hasUnplayedAssistant(): boolean {
    return this.#pendingAssistant > 0;
  }

  get hasUnplayedChime(): boolean {
    return this.#pendingChime > 0;
  }

  /** Records an assistant frame about to be sent; returns the mark name to send after it. */
  sent(itemId: string, responseId: string, contentIndex: number, bytes: number, now: number): string {
    let item = this.#items.get(itemId);
    if (!item) {
      item = { responseId, contentIndex, sentMs: 0, playedMs: 0 };
      this.#items.set(itemId, item);
    }
    const durationMs = bytesToMs(bytes);
    const seq = ++this.#seq;
    const name = this.#prefixA + seq;
    this.#pending.push({ seq, name, itemId, responseId, contentIndex, startMs: item.sentMs, durationMs, sentAt: now });
    item.sentMs += durationMs;
    this.#lastItemId = itemId;
    this.#pendingAssistant++;
    return name;
  }

  /** Records a chime frame about to be sent; returns its mark name. */
  sentChime(bytes: number, now: number): string {
    const seq = ++this.#seq;
    const name = this.#prefixC + seq;
    this.#pending.push({ seq, name, itemId: null, responseId: null, contentIndex: 0, startMs: 0, durationMs: bytesToMs(bytes), sentAt: now });
    this.#pendingChime++;
    return name;
  }

  /** An echoed mark. Returns false for marks of an older generation or unknown names. */
  acked(name: string, now: number): boolean {
    const head = this.#pending[this.#head];
    let upTo: number;
    if (head && head.name === name) {
      upTo = head.seq;
    } else {
      const dot = name.indexOf('.');
      if (dot < 2 || Number(name.slice(1, dot)) !== this.#gen) return false;
      upTo = Number(name.slice(dot + 1));
      if (!Number.isInteger(upTo)) return false;
    }
    let popped = false;
    while (this.#head < this.#pending.length) {
      const f = this.#pending[this.#head]!;
      if (f.seq > upTo) break;
      this.#head++;
      popped = true;
      if (f.itemId === null) {
        this.#pendingChime--;
      } else {
        this.#pendingAssistant--;
        const item = this.#items.get(f.itemId);
        if (item) item.playedMs = f.startMs + f.durationMs;
      }
    }
    if (!popped) return false;
    this.#acks++;
    this.#lastAckAt = now;
    this.#compact();
    return true;
  }

  /** Milliseconds of `itemId` the caller has heard by `now` (acked + interpolation in the playing frame). */
  playedMs(itemId: string, now: number): number {
    const item = this.#items.get(itemId);
    if (!item) return 0;
    const head = this.#pending[this.#head];
    if (!head || head.itemId !== itemId) return item.playedMs;
    // Playback of the head frame cannot start before it was sent (buffer may have run dry).
    const startedAt = Math.max(this.#lastAckAt, head.sentAt);
    const into = Math.min(Math.max(0, now - startedAt), head.durationMs);
    return head.startMs + into;
  }

  /**
   * Barge-in. Truncates the item being played (or the last item, if its response is still
   * generating) at what was heard; forgets all pending frames and bumps the generation.
   */
  interrupt(now: number, responseActive: (responseId: string) => boolean): Interruption {
    const responseIds = new Set<string>();
    let truncation: Truncation | null = null;
    const head = this.#firstPendingAssistant();
    const itemId = head?.itemId ?? this.#lastItemId;
    if (itemId !== null) {
      const item = this.#items.get(itemId);
      if (item && (head !== undefined || responseActive(item.responseId))) {
        const played = Math.min(this.playedMs(itemId, now), item.sentMs);
        truncation = { itemId, contentIndex: item.contentIndex, audioEndMs: Math.floor(played) };
        responseIds.add(item.responseId);
      }
    }
    for (let i = this.#head; i < this.#pending.length; i++) {
      const r = this.#pending[i]!.responseId;
      if (r !== null) responseIds.add(r);
    }
    this.#reset();
    return { truncation, responseIds: [...responseIds] };
  }

  /** Drop everything queued (e.g. a chime cleared before assistant audio); new generation. */
  discard(): void {
    this.#reset();
  }

  #firstPendingAssistant(): Frame | undefined {
    for (let i = this.#head; i < this.#pending.length; i++) if (this.#pending[i]!.itemId !== null) return this.#pending[i];
    return undefined;
  }

  #reset(): void {
    this.#gen++;
    this.#prefixA = `a${this.#gen}.`;
    this.#prefixC = `c${this.#gen}.`;
    this.#pending = [];
    this.#head = 0;
    this.#items.clear();
    this.#lastItemId = null;
    this.#pendingAssistant = 0;
    this.#pendingChime = 0;
  }

  /** Keep the queue array from growing without bound; O(1) amortised. */
  #compact(): void {
    if (this.#head > 256 && this.#head * 2 > this.#pending.length) {
      this.#pending = this.#pending.slice(this.#head);
      this.#head = 0;
    }
  }
}
