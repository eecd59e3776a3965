import type { BargeInEntry, CallEndReason, CallRecord, StreamClaims, ToolCallEntry, TranscriptEntry } from '../call-context.js';
import type { RealtimeDialectName } from '../dialects/dialect.js';
import type { Truncation } from '../playback-tracker.js';

export type FrameCounters = CallRecord['frames'];

/** What the record needs from the other parts at the end of the call. */
export interface RecordInputs {
  claims: StreamClaims;
  dialect: RealtimeDialectName;
  endReason: CallEndReason;
  reconnects: number;
  chimes: number;
  endedAt?: Date;
}

/** Percentiles of the reply latencies of one call (nearest rank), for the `call_ended` line. */
export interface LatencySummary {
  n: number;
  p50: number | null;
  p90: number | null;
}

/** Samples of the bridge's share kept per call (1 in 32 deltas: ~30 min of speech). */
const MAX_SHARE_SAMPLES = 4096;

/** Nearest-rank p50/p90, rounded to `digits` decimals. */
function summarize(values: readonly number[], digits: number): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  const f = 10 ** digits;
  const rank = (p: number) => (sorted.length === 0 ? null : Math.round(sorted[Math.ceil(p * sorted.length) - 1]! * f) / f);
  return { n: sorted.length, p50: rank(0.5), p90: rank(0.9) };
}

/**
 * What happened on the call, kept as it happens (pure; clock readings are passed in or taken
 * as ISO strings): transcript, tool calls, barge-ins, frame counters, reply latencies, and
 * whether the caller was served. Turns into the `CallRecord` once, at the end.
 */
export class CallRecorder {
  /** Written in place by the router and the output mux (plain integers, added to metrics once). */
  readonly frames: FrameCounters = { in: 0, out: 0, marksOut: 0, marksIn: 0, badIn: 0, lateDeltasDropped: 0 };
  readonly #startedAt: string;
  readonly #transcript: TranscriptEntry[] = [];
  readonly #toolCalls: ToolCallEntry[] = [];
  readonly #bargeIns: BargeInEntry[] = [];
  readonly #replyLatenciesMs: number[] = [];
  /** Sampled receipt → send of assistant deltas (the bridge's own share), capped. */
  readonly #shareMs: number[] = [];
  #firstAudioMs: number | null = null;
  #heardAssistant = false;
  #callerSpoke = false;
  #toolRan = false;

  constructor(startedAt: Date = new Date()) {
    this.#startedAt = startedAt.toISOString();
  }

  get transcript(): readonly TranscriptEntry[] {
    return this.#transcript;
  }

  /** What the caller said last, when transcription has already arrived (tool audits). */
  lastCallerUtterance(): string | undefined {
    for (let i = this.#transcript.length - 1; i >= 0; i--) {
      const entry = this.#transcript[i]!;
      if (entry.role === 'caller') return entry.text;
    }
    return undefined;
  }

  said(role: TranscriptEntry['role'], text: string): void {
    if (text.trim()) this.#transcript.push({ role, text, at: new Date().toISOString() });
  }

  callerSpoke(): void {
    this.#callerSpoke = true;
  }

  /** A mark covering assistant audio was echoed: the caller heard the assistant. */
  assistantHeard(): void {
    this.#heardAssistant = true;
  }

  toolStarted(): void {
    this.#toolRan = true;
  }

  toolFinished(entry: ToolCallEntry): void {
    this.#toolCalls.push(entry);
  }

  bargedIn(truncation: Truncation | null): void {
    this.#bargeIns.push({ at: new Date().toISOString(), itemId: truncation?.itemId ?? null, audioEndMs: truncation?.audioEndMs ?? null });
  }

  firstAudio(ms: number): void {
    this.#firstAudioMs ??= ms;
  }

  replyLatency(ms: number): void {
    this.#replyLatenciesMs.push(ms);
  }

  replyLatencies(): LatencySummary {
    return summarize(this.#replyLatenciesMs, 0);
  }

  bridgeShare(ms: number): void {
    if (this.#shareMs.length < MAX_SHARE_SAMPLES) this.#shareMs.push(ms);
  }

  /** The bridge's own share, in ms with 0.01 ms resolution (sub-millisecond figures). */
  bridgeShares(): LatencySummary & { samples: readonly number[] } {
    return { ...summarize(this.#shareMs, 2), samples: this.#shareMs };
  }

  /** Served = the caller heard the assistant and spoke, or a tool ran. */
  record(i: RecordInputs): CallRecord {
    const c = i.claims;
    return {
      callSid: c.callSid,
      tenantId: c.tenantId,
      actorMode: c.actorMode,
      tenantMode: c.tenantMode,
      dialect: i.dialect,
      startedAt: this.#startedAt,
      endedAt: (i.endedAt ?? new Date()).toISOString(),
      endReason: i.endReason,
      served: (this.#heardAssistant && this.#callerSpoke) || this.#toolRan,
      transcript: this.#transcript,
      toolCalls: this.#toolCalls,
      bargeIns: this.#bargeIns,
      firstAssistantAudioMs: this.#firstAudioMs === null ? null : Math.round(this.#firstAudioMs),
      replyLatencyMs: this.replyLatencies(),
      bridgeShareMs: summarize(this.#shareMs, 2),
      reconnects: i.reconnects,
      chimes: i.chimes,
      frames: { ...this.frames },
    };
  }
}
