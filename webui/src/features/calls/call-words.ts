import type { CallSummary, TransferOutcome } from '@vozlia/contract';
import { formatMs } from '@/lib/format/dates';

/** Who called, as the owner knows them. */
export const callerLabel = (c: Pick<CallSummary, 'caller_name' | 'caller_number'>) => c.caller_name ?? c.caller_number ?? 'Unknown caller';

export const modeLabel = (mode: CallSummary['actor_mode']) => (mode === 'owner' ? 'Owner line' : mode === 'client' ? 'Customer' : '—');

/** "0.9 s to greet · 1.2 s per reply" from the latency figures the call has. */
export function latencyLabel(c: Pick<CallSummary, 'first_audio_ms' | 'turn_latency_p50_ms'>): string {
  const parts = [c.first_audio_ms !== null && `${formatMs(c.first_audio_ms)} to greet`, c.turn_latency_p50_ms !== null && `${formatMs(c.turn_latency_p50_ms)} per reply`].filter(Boolean);
  return parts.length ? parts.join(' · ') : '—';
}

/** What came of a transfer, in the owner's words. */
export const TRANSFER_WORDS: Readonly<Record<TransferOutcome, string>> = {
  answered: 'Answered: the caller was put through',
  no_answer: 'Nobody answered',
  busy: 'The line was busy',
  failed: 'The transfer did not go through',
  canceled: 'Called off before anyone answered',
  pending: 'Ringing your transfer number',
  closed: 'Outside opening hours: straight to a message',
};

/** "p50 780 ms · p90 1.1 s": how fast the assistant replied over the call's turns. */
export function replyLatencyLabel(c: Pick<CallSummary, 'turn_latency_p50_ms' | 'turn_latency_p90_ms'>): string {
  const parts = [c.turn_latency_p50_ms !== null && `typical ${formatMs(c.turn_latency_p50_ms)}`, c.turn_latency_p90_ms !== null && `slowest tenth ${formatMs(c.turn_latency_p90_ms)}`].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'No replies measured';
}
