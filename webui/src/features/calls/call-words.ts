import type { CallSummary } from '@vozlia/contract';
import { formatMs } from '@/lib/format/dates';

/** Who called, as the owner knows them. */
export const callerLabel = (c: Pick<CallSummary, 'caller_name' | 'caller_number'>) => c.caller_name ?? c.caller_number ?? 'Unknown caller';

export const modeLabel = (mode: CallSummary['actor_mode']) => (mode === 'owner' ? 'Owner line' : mode === 'client' ? 'Customer' : '—');

/** "0.9 s to greet · 1.2 s per reply" from the latency figures the call has. */
export function latencyLabel(c: Pick<CallSummary, 'first_audio_ms' | 'turn_latency_p50_ms'>): string {
  const parts = [c.first_audio_ms !== null && `${formatMs(c.first_audio_ms)} to greet`, c.turn_latency_p50_ms !== null && `${formatMs(c.turn_latency_p50_ms)} per reply`].filter(Boolean);
  return parts.length ? parts.join(' · ') : '—';
}
