import { bytesToMs } from './mulaw-framing.js';

/**
 * What the caller has actually heard (pure; `now` is passed in). Marks are sparse: one after
 * the first frame of an item, then about every MARK_EVERY_MS of audio, and at the end of an
 * item (`markNow`). Between marks, what was heard is replayed exactly: the phone plays frames
 * back to back, each starting at max(end of the previous one, the time it was sent).
 * Mark names carry a generation bumped on every clear, so echoes of discarded frames are
 * ignored. Per-frame state lives in preallocated typed arrays: no object per frame.
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

/** Audio between two marks: each mark costs Twilio a read of its echo, so not per frame. */
export const MARK_EVERY_MS = 200;
const INITIAL_RING = 256;
const CHIME = -1;

interface ItemState {
  itemId: string;
  responseId: string;
  contentIndex: number;
  sentMs: number;
  /** Ms of this item in frames covered by echoed marks. */
  ackedMs: number;
}

export class PlaybackTracker {
  #gen = 1;
  #prefixA = 'a1.';
  #prefixC = 'c1.';

  // Ring of frames not yet covered by an echoed mark; frame k lives at k & mask.
  #dur = new Float64Array(INITIAL_RING);
  #sentAt = new Float64Array(INITIAL_RING);
  #item = new Int32Array(INITIAL_RING);
  #mask = INITIAL_RING - 1;
  /** Running frame counters: [#head, #tail) are pending. Never reset (names stay unique). */
  #head = 0;
  #tail = 0;
  /** Frames before this one are covered by a mark already sent. */
  #markedUpTo = 0;
  #sinceMarkMs = 0;
  /** Echo time of the last mark of this generation; −∞ = nothing echoed since the last clear. */
  #anchor = Number.NEGATIVE_INFINITY;

  #items: ItemState[] = [];
  #itemIndex = new Map<string, number>();
  #cur = -1;
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

  /** Selects the item the following `sent` frames belong to (once per delta, not per frame). */
  beginDelta(itemId: string, responseId: string, contentIndex: number): void {
    const cur = this.#items[this.#cur];
    if (cur !== undefined && cur.itemId === itemId) return;
    let idx = this.#itemIndex.get(itemId);
    if (idx === undefined) {
      idx = this.#items.length;
      this.#items.push({ itemId, responseId, contentIndex, sentMs: 0, ackedMs: 0 });
      this.#itemIndex.set(itemId, idx);
    }
    this.#cur = idx;
  }

  /**
   * Records an assistant frame of the current item about to be sent. Returns the mark name to
   * send right after it, or null when no mark is due.
   */
  sent(bytes: number, now: number): string | null {
    const item = this.#items[this.#cur];
    if (item === undefined) throw new Error('PlaybackTracker.sent before beginDelta');
    const ms = bytesToMs(bytes);
    const first = item.sentMs === 0;
    item.sentMs += ms;
    this.#push(ms, now, this.#cur);
    this.#pendingAssistant++;
    this.#sinceMarkMs += ms;
    return first || this.#sinceMarkMs >= MARK_EVERY_MS ? this.#mark(this.#prefixA) : null;
  }

  /** Records a chime frame about to be sent (follow the burst with `markNow`). */
  sentChime(bytes: number, now: number): void {
    const ms = bytesToMs(bytes);
    this.#push(ms, now, CHIME);
    this.#pendingChime++;
    this.#sinceMarkMs += ms;
  }

  /** A mark covering every frame sent so far, or null if they are all covered already. */
  markNow(): string | null {
    if (this.#markedUpTo === this.#tail) return null;
    const last = this.#item[(this.#tail - 1) & this.#mask]!;
    return this.#mark(last === CHIME ? this.#prefixC : this.#prefixA);
  }

  /** An echoed mark. Returns false for marks of another generation, unknown or stale names. */
  acked(name: string, now: number): boolean {
    const k = parseMark(name, this.#gen);
    if (k < this.#head || k >= this.#tail) return false;
    while (this.#head <= k) {
      const i = this.#head & this.#mask;
      const it = this.#item[i]!;
      if (it === CHIME) this.#pendingChime--;
      else {
        this.#pendingAssistant--;
        this.#items[it]!.ackedMs += this.#dur[i]!;
      }
      this.#head++;
    }
    this.#acks++;
    this.#anchor = now;
    return true;
  }

  /** Milliseconds of `itemId` the caller has heard by `now` (echoed marks + exact replay). */
  playedMs(itemId: string, now: number): number {
    const idx = this.#itemIndex.get(itemId);
    if (idx === undefined) return 0;
    const item = this.#items[idx]!;
    let heard = item.ackedMs;
    let t = this.#anchor;
    for (let k = this.#head; k < this.#tail; k++) {
      const i = k & this.#mask;
      const start = Math.max(t, this.#sentAt[i]!);
      if (start >= now) break;
      const d = this.#dur[i]!;
      if (this.#item[i] === idx) heard += Math.min(now - start, d);
      t = start + d;
    }
    return Math.min(heard, item.sentMs);
  }

  /**
   * Barge-in. Truncates the item being played (or the last item, if its response is still
   * generating) at what was heard; forgets all pending frames and bumps the generation.
   */
  interrupt(now: number, responseActive: (responseId: string) => boolean): Interruption {
    const responseIds = new Set<string>();
    // The item being played: the first assistant frame not fully played by now.
    let playing = -1;
    let t = this.#anchor;
    for (let k = this.#head; k < this.#tail; k++) {
      const i = k & this.#mask;
      const it = this.#item[i]!;
      if (it !== CHIME) responseIds.add(this.#items[it]!.responseId);
      const end = Math.max(t, this.#sentAt[i]!) + this.#dur[i]!;
      if (playing < 0 && it !== CHIME && end > now) playing = it;
      t = end;
    }
    let truncation: Truncation | null = null;
    const idx = playing >= 0 ? playing : this.#items.length - 1;
    const item = this.#items[idx];
    if (item !== undefined && (playing >= 0 || responseActive(item.responseId))) {
      truncation = { itemId: item.itemId, contentIndex: item.contentIndex, audioEndMs: Math.floor(this.playedMs(item.itemId, now)) };
      responseIds.add(item.responseId);
    }
    this.#reset();
    return { truncation, responseIds: [...responseIds] };
  }

  /** Drop everything queued (e.g. a chime cleared before assistant audio); new generation. */
  discard(): void {
    this.#reset();
  }

  #push(ms: number, now: number, item: number): void {
    if (this.#tail - this.#head > this.#mask) this.#grow();
    const i = this.#tail & this.#mask;
    this.#dur[i] = ms;
    this.#sentAt[i] = now;
    this.#item[i] = item;
    this.#tail++;
  }

  #mark(prefix: string): string {
    this.#markedUpTo = this.#tail;
    this.#sinceMarkMs = 0;
    return prefix + (this.#tail - 1);
  }

  /** Doubles the ring, keeping frame k at k & mask. */
  #grow(): void {
    const size = (this.#mask + 1) * 2;
    const dur = new Float64Array(size);
    const sentAt = new Float64Array(size);
    const item = new Int32Array(size);
    const mask = size - 1;
    for (let k = this.#head; k < this.#tail; k++) {
      const from = k & this.#mask;
      const to = k & mask;
      dur[to] = this.#dur[from]!;
      sentAt[to] = this.#sentAt[from]!;
      item[to] = this.#item[from]!;
    }
    this.#dur = dur;
    this.#sentAt = sentAt;
    this.#item = item;
    this.#mask = mask;
  }

  #reset(): void {
    this.#gen++;
    this.#prefixA = `a${this.#gen}.`;
    this.#prefixC = `c${this.#gen}.`;
    this.#head = this.#tail;
    this.#markedUpTo = this.#tail;
    this.#sinceMarkMs = 0;
    this.#anchor = Number.NEGATIVE_INFINITY;
    this.#items = [];
    this.#itemIndex.clear();
    this.#cur = -1;
    this.#pendingAssistant = 0;
    this.#pendingChime = 0;
  }
}

/** Frame number `k` of a mark named `a<g>.<k>` / `c<g>.<k>` of generation `gen`, else −1. */
function parseMark(name: string, gen: number): number {
  const kind = name.charCodeAt(0);
  if (kind !== 97 /* a */ && kind !== 99 /* c */) return -1;
  let i = 1;
  let g = 0;
  let c = name.charCodeAt(i);
  if (!(c >= 48 && c <= 57)) return -1; // NaN past the end
  while (c >= 48 && c <= 57) {
    g = g * 10 + (c - 48);
    c = name.charCodeAt(++i);
  }
  if (c !== 46 /* . */ || g !== gen) return -1;
  let k = 0;
  c = name.charCodeAt(++i);
  if (!(c >= 48 && c <= 57)) return -1; // NaN past the end
  while (c >= 48 && c <= 57) {
    k = k * 10 + (c - 48);
    c = name.charCodeAt(++i);
  }
  return i === name.length ? k : -1;
}
