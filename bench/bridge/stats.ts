/** Latency and integrity accounting for one direction. */
export class DirectionStats {
  readonly #lat: number[] = [];
  readonly #seen: Map<number, Uint8Array> = new Map();
  readonly #last: Map<number, number> = new Map();
  sent = 0;
  duplicated = 0;
  reordered = 0;
  crossTalk = 0;
  readonly #maxFrames: number;

  constructor(maxFramesPerCall: number) {
    this.#maxFrames = maxFramesPerCall;
  }

  received(call: number, seq: number, latencyMs: number, measuring: boolean): void {
    let seen = this.#seen.get(call);
    if (!seen) {
      seen = new Uint8Array(this.#maxFrames);
      this.#seen.set(call, seen);
    }
    if (seq < seen.length) {
      if (seen[seq]) {
        this.duplicated++;
        return;
      }
      seen[seq] = 1;
    }
    const last = this.#last.get(call) ?? -1;
    if (seq < last) this.reordered++;
    else this.#last.set(call, seq);
    if (measuring) this.#lat.push(latencyMs);
  }

  /** Frames sent from `fromSeq` on (the measuring window) that never arrived. */
  lost(sentPerCall: Map<number, number>, fromSeq: Map<number, number>): number {
    let lost = 0;
    for (const [call, n] of sentPerCall) {
      const seen = this.#seen.get(call);
      for (let s = fromSeq.get(call) ?? 0; s < n && s < this.#maxFrames; s++) if (!seen || !seen[s]) lost++;
    }
    return lost;
  }

  summary(): { n: number; p50: number; p99: number; max: number } {
    const a = Float64Array.from(this.#lat).sort();
    const q = (p: number) => (a.length === 0 ? NaN : a[Math.min(a.length - 1, Math.floor(p * a.length))]!);
    return { n: a.length, p50: q(0.5), p99: q(0.99), max: a.length ? a[a.length - 1]! : NaN };
  }
}
