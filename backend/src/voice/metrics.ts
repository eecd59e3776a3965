import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export type BadFrameKind = 'binary' | 'malformed' | 'oversized' | 'order';

/** Per-call Prometheus metrics; frame counts are added once per call, never per frame. */
export interface VoiceMetrics {
  callStarted(): void;
  callEnded(dialect: string, endReason: string, frames: { in: number; out: number; marksOut: number; marksIn: number }): void;
  firstAudio(seconds: number): void;
  /** The caller's `speech_stopped` to the first assistant frame sent after it. */
  replyLatency(seconds: number): void;
  /** The bridge's own share of sampled deltas (receipt → frames sent), observed at call end. */
  bridgeShare(seconds: readonly number[]): void;
  bargeIn(truncated: boolean): void;
  toolCall(tool: string, ok: boolean, seconds: number): void;
  reconnect(outcome: 'ok' | 'failed'): void;
  badFrame(kind: BadFrameKind): void;
  realtimeError(code: string): void;
  streamRejected(reason: string): void;
  lateDeltasDropped(n: number): void;
  chimes(n: number): void;
  /** A session callback threw; the call went on. */
  listenerError(where: string): void;
}

export function createVoiceMetrics(registry: Registry): VoiceMetrics {
  const registers = [registry];
  const calls = new Counter({ name: 'voz_voice_calls_total', help: 'Calls bridged, by dialect and end reason', labelNames: ['dialect', 'end_reason'], registers });
  const active = new Gauge({ name: 'voz_voice_active_calls', help: 'Calls currently bridged', registers });
  const firstAudio = new Histogram({
    name: 'voz_voice_first_audio_seconds',
    help: 'Stream start to first assistant audio sent to the caller',
    buckets: [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 8],
    registers,
  });
  const replyLatency = new Histogram({
    name: 'voz_voice_reply_latency_seconds',
    help: "Caller's speech_stopped to the first assistant audio sent to the caller",
    buckets: [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 8],
    registers,
  });
  const bridgeShare = new Histogram({
    name: 'voz_voice_bridge_share_seconds',
    help: "The bridge's own share of the reply path: a sampled Realtime audio delta's receipt to its frames sent to Twilio",
    buckets: [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05],
    registers,
  });
  const bargeIns = new Counter({ name: 'voz_voice_barge_ins_total', help: 'Caller interruptions of assistant audio', registers });
  const truncations = new Counter({ name: 'voz_voice_truncations_total', help: 'conversation.item.truncate sent', registers });
  const toolLatency = new Histogram({
    name: 'voz_voice_tool_latency_seconds',
    help: 'Tool call latency',
    labelNames: ['tool', 'ok'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 16],
    registers,
  });
  const frames = new Counter({ name: 'voz_voice_frames_total', help: 'Frames relayed, added at call end', labelNames: ['direction'], registers });
  const reconnects = new Counter({ name: 'voz_voice_reconnects_total', help: 'Realtime reconnect attempts by outcome', labelNames: ['outcome'], registers });
  const badFrames = new Counter({ name: 'voz_voice_bad_frames_total', help: 'Twilio frames ignored', labelNames: ['kind'], registers });
  const rtErrors = new Counter({ name: 'voz_voice_realtime_errors_total', help: 'Realtime error events by code', labelNames: ['code'], registers });
  const rejected = new Counter({ name: 'voz_voice_stream_rejected_total', help: 'Media streams refused', labelNames: ['reason'], registers });
  const late = new Counter({ name: 'voz_voice_late_deltas_dropped_total', help: 'Audio deltas of interrupted responses dropped', registers });
  const chimes = new Counter({ name: 'voz_voice_chimes_total', help: 'Thinking chimes played', registers });
  const listenerErrors = new Counter({ name: 'voz_voice_listener_errors_total', help: 'Session callbacks that threw (logged; the call went on)', labelNames: ['where'], registers });

  return {
    callStarted: () => active.inc(),
    callEnded(dialect, endReason, f) {
      active.dec();
      calls.inc({ dialect, end_reason: endReason });
      frames.inc({ direction: 'in' }, f.in);
      frames.inc({ direction: 'out' }, f.out);
      frames.inc({ direction: 'marks_out' }, f.marksOut);
      frames.inc({ direction: 'marks_in' }, f.marksIn);
    },
    firstAudio: (s) => firstAudio.observe(s),
    replyLatency: (s) => replyLatency.observe(s),
    bridgeShare: (samples) => {
      for (const s of samples) bridgeShare.observe(s);
    },
    bargeIn(truncated) {
      bargeIns.inc();
      if (truncated) truncations.inc();
    },
    toolCall: (tool, ok, s) => toolLatency.observe({ tool, ok: String(ok) }, s),
    reconnect: (outcome) => reconnects.inc({ outcome }),
    badFrame: (kind) => badFrames.inc({ kind }),
    realtimeError: (code) => rtErrors.inc({ code }),
    streamRejected: (reason) => rejected.inc({ reason }),
    lateDeltasDropped: (n) => {
      if (n > 0) late.inc(n);
    },
    chimes: (n) => {
      if (n > 0) chimes.inc(n);
    },
    listenerError: (where) => listenerErrors.inc({ where }),
  };
}
