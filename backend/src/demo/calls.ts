import { CALL_CONNECTED, CALL_ENDED, CALL_MISSED, CALL_RECEIVED, CALL_SUMMARIZED } from '../calls/call-events.js';
import { callStream } from '../calls/call-events.js';
import type { AppendRequest, EventInput } from '../storage/events.js';
import { SEED_META } from './demo-ports.js';
import { seedFromString } from './prng.js';

// The call stream's events (calls/call-events.ts) as seeded history writes them.

export interface DemoCall {
  callSid: string;
  tenantId: string;
  from: string;
  to: string;
  startedAt: Date;
  /** Seconds talking with the assistant; 0 with `missedReason` for a missed call. */
  durationSeconds: number;
  missedReason?: string;
  summary?: string;
}

const RING_MS = 4000;

/**
 * The events of one call, in order, with past `occurredAt`. No idempotency keys: history is
 * written once, atomically, guarded by one marker key (see seed-history.ts), which saves a query
 * per append.
 */
export function demoCallEvents(c: DemoCall): EventInput[] {
  const at = (ms: number) => new Date(c.startedAt.getTime() + ms);
  const received: EventInput = {
    type: CALL_RECEIVED,
    payload: { callSid: c.callSid, tenantId: c.tenantId, from: c.from, to: c.to, tenantMode: 'dedicated' },
    occurredAt: at(0),
    metadata: { ...SEED_META, call_sid: c.callSid },
  };
  if (c.missedReason) {
    return [
      received,
      {
        type: CALL_MISSED,
        payload: { callSid: c.callSid, tenantId: c.tenantId, reason: c.missedReason },
        occurredAt: at(RING_MS * 5),
        metadata: { ...SEED_META, call_sid: c.callSid },
      },
    ];
  }
  const end = RING_MS + c.durationSeconds * 1000;
  const events: EventInput[] = [
    received,
    {
      type: CALL_CONNECTED,
      payload: { callSid: c.callSid, tenantId: c.tenantId, actorMode: 'client', tenantMode: 'dedicated' },
      occurredAt: at(RING_MS),
      metadata: { ...SEED_META, call_sid: c.callSid },
    },
    {
      type: CALL_ENDED,
      payload: { callSid: c.callSid, tenantId: c.tenantId, durationSeconds: c.durationSeconds, status: 'completed' },
      occurredAt: at(end),
      metadata: { ...SEED_META, call_sid: c.callSid },
    },
  ];
  if (c.summary) {
    events.push({
      type: CALL_SUMMARIZED,
      payload: { callSid: c.callSid, tenantId: c.tenantId, summary: c.summary, method: 'deterministic' },
      occurredAt: at(end + 2000),
      metadata: { ...SEED_META, call_sid: c.callSid },
    });
  }
  return events;
}

/** The call's own stream, written once. */
export function demoCallAppend(c: DemoCall): AppendRequest {
  return { tenantId: c.tenantId, stream: callStream(c.callSid), expectedVersion: 'no_stream', events: demoCallEvents(c) };
}

/** A Twilio-like CallSid unique per tenant, kind and index (`CA` + 32 hex). */
export function demoCallSid(tenantId: string, kind: string, index: number): string {
  const tag = seedFromString(`${tenantId}:${kind}`).toString(16).padStart(8, '0');
  return `CA${tag}${'0'.repeat(16)}${index.toString(16).padStart(8, '0')}`;
}
