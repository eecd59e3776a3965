import type { Logger } from 'pino';
import type { CallEndReason, CallRecord } from '../call-context.js';
import type { VoiceMetrics } from '../metrics.js';
import type { LatencySummary } from './call-recorder.js';

/** WebSocket close codes: 1011 makes Twilio continue with the TwiML after <Connect> (the apology). */
const CLOSE_NORMAL = 1000;
const CLOSE_POLICY = 1008;
const CLOSE_FALLBACK = 1011;

export function closeCodeFor(reason: CallEndReason): number {
  if (reason === 'start_mismatch') return CLOSE_POLICY;
  return reason === 'realtime_lost' || reason === 'no_api_key' ? CLOSE_FALLBACK : CLOSE_NORMAL;
}

/** Metrics once per call (never per frame) and the one `call_ended` line; no transcript in logs. */
export function reportCallEnded(record: CallRecord, replyLatencyMs: LatencySummary, shareMs: readonly number[], metrics: VoiceMetrics, log: Logger): void {
  metrics.callEnded(record.dialect, record.endReason, record.frames);
  metrics.bridgeShare(shareMs.map((ms) => ms / 1000));
  metrics.lateDeltasDropped(record.frames.lateDeltasDropped);
  metrics.chimes(record.chimes);
  log.info(
    {
      event: 'call_ended',
      endReason: record.endReason,
      served: record.served,
      durationMs: Date.parse(record.endedAt) - Date.parse(record.startedAt),
      firstAssistantAudioMs: record.firstAssistantAudioMs,
      replyLatencyMs,
      bridgeShareMs: record.bridgeShareMs,
      bargeIns: record.bargeIns.length,
      toolCalls: record.toolCalls.length,
      reconnects: record.reconnects,
      frames: record.frames,
    },
    'call ended',
  );
}
