import { DateTime } from 'luxon';
import { callStream } from '../calls/call-events.js';
import { demoCallEvents, demoCallSid } from './calls.js';
import { mulberry32, seedFromString } from './prng.js';
import type { AppendRequest } from '../storage/events.js';
import { notificationStream } from '../features/missed_call_capture/events.js';
import { missedCallNotification } from '../features/missed_call_capture/notify.js';
import { notifyPort } from '../notifications/notify-port.js';
import { SEED_META } from './demo-ports.js';

export const HISTORY_DAYS = 60;
/** The phone entry's MissedReason values that a dedicated-number call can have. */
const REASONS = [['not_answered', 5], ['no_exchange', 3], ['stream_never_started', 1]] as const;

export const historyMarker = (tenantId: string) => `seed:missed-history:${tenantId}:v1`;

/** Roughly one or two missed calls a day in opening-ish hours, with their owner notifications. Pure. */
export function generateMissedCalls(input: { tenantId: string; zone: string; number: string; now: Date }): AppendRequest[] {
  const rng = mulberry32(seedFromString(`${input.tenantId}:missed`));
  const today = DateTime.fromJSDate(input.now, { zone: input.zone }).startOf('day');
  const out: AppendRequest[] = [];
  let n = 0;
  for (let d = HISTORY_DAYS; d >= 1; d--) {
    const day = today.minus({ days: d });
    const count = rng.weighted([[0, 4], [1, 4], [2, 1]] as const);
    for (let k = 0; k < count; k++) {
      const i = n++;
      const at = day.set({ hour: rng.int(9, 20), minute: rng.int(0, 59), second: rng.int(0, 59) }).toJSDate();
      const callSid = demoCallSid(input.tenantId, 'missed', i);
      const from = `+1555203${String(rng.int(0, 9999)).padStart(4, '0')}`;
      const reason = rng.weighted(REASONS);
      const events = demoCallEvents({ callSid, tenantId: input.tenantId, from, to: input.number, startedAt: at, durationSeconds: 0, missedReason: reason });
      if (i === 0) events[0] = { ...events[0]!, idempotencyKey: historyMarker(input.tenantId) };
      out.push({ tenantId: input.tenantId, stream: callStream(callSid), expectedVersion: 'no_stream', events });
      const missedAt = events[events.length - 1]!.occurredAt!;
      const notification = missedCallNotification(input.tenantId, { callSid, from, reason }, missedAt, input.zone);
      out.push({
        tenantId: input.tenantId,
        stream: notificationStream(input.tenantId, notification.notificationId),
        expectedVersion: 'no_stream',
        events: [notifyPort.queued({ ...notification, metadata: { ...SEED_META, call_sid: callSid } })],
      });
    }
  }
  return out;
}
