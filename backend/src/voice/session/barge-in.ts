import type { Logger } from 'pino';
import { truncateEvent } from '../client-events.js';
import type { VoiceMetrics } from '../metrics.js';
import type { CallActions } from './call-actions.js';
import type { CallRecorder } from './call-recorder.js';
import type { OutputMux } from './output-mux.js';
import type { RealtimeConnection } from './realtime-connection.js';
import type { TurnState } from './turn-state.js';

export interface BargeInParts {
  rec: Pick<CallRecorder, 'callerSpoke' | 'bargedIn'>;
  actions: Pick<CallActions, 'callerSpoke' | 'lineStarted' | 'bargedIn'>;
  mux: Pick<OutputMux, 'stopWaiting' | 'interrupt'>;
  turns: Pick<TurnState, 'activeResponseId' | 'drop'>;
  rt: Pick<RealtimeConnection, 'send'>;
}

/**
 * The caller started speaking (`speech_started`), in one event-loop turn: the chime stops; if
 * anything was playing or generating, Twilio's buffer is cleared first (what the caller
 * notices), the item being played is truncated at what was heard, and the interrupted
 * responses' remaining deltas are dropped. A pending transfer or hang-up hears of it too.
 */
export function callerStartedSpeaking(p: BargeInParts, now: number, metrics: Pick<VoiceMetrics, 'bargeIn'>, log: Logger): void {
  p.rec.callerSpoke();
  p.actions.callerSpoke();
  p.mux.stopWaiting();
  const active = p.turns.activeResponseId;
  // Read before the cut: `interrupt` settles the line's `whenPlayed` at once.
  const overTheLine = p.actions.lineStarted;
  const cut = p.mux.interrupt(now, active);
  if (cut === null) return;
  const { truncation, responseIds } = cut;
  if (truncation) p.rt.send(truncateEvent(truncation));
  for (const id of responseIds) p.turns.drop(id);
  if (active !== null) p.turns.drop(active);
  if (truncation || active !== null) {
    p.rec.bargedIn(truncation);
    metrics.bargeIn(truncation !== null);
    log.info({ event: 'barge_in', itemId: truncation?.itemId, audioEndMs: truncation?.audioEndMs }, 'caller barged in');
  }
  p.actions.bargedIn(overTheLine);
}
