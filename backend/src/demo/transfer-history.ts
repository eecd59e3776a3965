import { DateTime } from 'luxon';
import {
  CALL_RECORDED,
  MESSAGE_RECORDED,
  TRANSFER_REQUESTED,
  TRANSFER_UNANSWERED,
  callStream,
  type CallRecorded,
  type MessageRecorded,
  type TransferRequested,
  type TransferUnanswered,
} from '../calls/call-events.js';
import type { AppendRequest, EventInput } from '../storage/events.js';
import { appendHistoryPerTenant } from './append-once.js';
import { demoCallEvents, demoCallSid } from './calls.js';
import { SEED_META, type DemoPorts } from './demo-ports.js';

const DEMO_TENANTS = ['demo_restaurant', 'demo_barbershop'];
/** Served by the portal export (webui/public/demo): a link the demo owner's browser can play. */
export const DEMO_MESSAGE_URL = '/demo/voicemail.wav';
export const transferMarker = (tenantId: string) => `seed:transfer-history:${tenantId}:v1`;

const RING_MS = 4000;
const TALK_SECONDS = 48;
const DIAL_SECONDS = 40;
const MESSAGE_SECONDS = 14;

const SCRIPT: Record<string, { caller: string; reason: string; lines: [string, string][] }> = {
  demo_restaurant: {
    caller: '+15552049001',
    reason: 'booking the back room for a birthday party',
    lines: [
      ['assistant', 'Thanks for calling! How can I help you today?'],
      ['caller', 'Hi, I would like to book your back room for a birthday party of twenty.'],
      ['assistant', 'A private event is best arranged with the team. Let me put you through.'],
    ],
  },
  demo_barbershop: {
    caller: '+15552049002',
    reason: 'a group booking for a wedding party',
    lines: [
      ['assistant', 'Hello! What can I do for you?'],
      ['caller', 'I need cuts for six groomsmen on Saturday morning, can I talk to someone?'],
      ['assistant', 'Of course, let me put you through to the shop.'],
    ],
  },
};

/**
 * One call two days ago, 3:10 PM in the tenant's zone, where the caller asked for a person,
 * nobody answered and they left a message: what the call log shows for a transfer (pure).
 */
export function generateTransferCall(input: { tenantId: string; zone: string; number: string; now: Date }): AppendRequest[] {
  const s = SCRIPT[input.tenantId];
  if (!s) return [];
  const callSid = demoCallSid(input.tenantId, 'transfer', 0);
  const startedAt = DateTime.fromJSDate(input.now, { zone: input.zone }).startOf('day').minus({ days: 2 }).set({ hour: 15, minute: 10, second: 12 }).toJSDate();
  const at = (ms: number) => new Date(startedAt.getTime() + RING_MS + ms);
  const total = TALK_SECONDS + DIAL_SECONDS + MESSAGE_SECONDS;
  const base = demoCallEvents({ callSid, tenantId: input.tenantId, from: s.caller, to: input.number, startedAt, durationSeconds: total, summary: `The caller asked for a person about ${s.reason}; nobody answered and they left a message.` });
  const [received, connected, ended, summarized] = base;
  const meta = { ...SEED_META, call_sid: callSid };
  const record: CallRecorded = {
    callSid,
    tenantId: input.tenantId,
    actorMode: 'client',
    tenantMode: 'dedicated',
    dialect: 'ga',
    startedAt: at(0).toISOString(),
    endedAt: at(TALK_SECONDS * 1000).toISOString(),
    endReason: 'transferred',
    served: true,
    transcript: s.lines.map(([role, text], i) => ({ role: role as 'caller' | 'assistant', text, at: at(2000 + i * 9000).toISOString() })),
    toolCalls: [{ name: 'transfer_call', callId: 'call_demo_1', ok: true, latencyMs: 42, at: at(22_000).toISOString() }],
    bargeIns: [],
    firstAssistantAudioMs: 910,
    replyLatencyMs: { n: 2, p50: 780, p90: 1140 },
    bridgeShareMs: { n: 0, p50: null, p90: null },
    reconnects: 0,
    chimes: 0,
    frames: { in: 2400, out: 1100, marksOut: 30, marksIn: 30, badIn: 0, lateDeltasDropped: 0 },
  };
  const requested: TransferRequested = { callSid, tenantId: input.tenantId, actorMode: 'client', reason: s.reason, route: 'dial', numbers: 1 };
  const unanswered: TransferUnanswered = { callSid, tenantId: input.tenantId, status: 'no-answer', tried: 1 };
  const message: MessageRecorded = { callSid, tenantId: input.tenantId, recordingUrl: DEMO_MESSAGE_URL, durationSeconds: MESSAGE_SECONDS, from: s.caller, reason: s.reason };
  const events: EventInput<object>[] = [
    { ...received!, idempotencyKey: transferMarker(input.tenantId) },
    connected!,
    { type: TRANSFER_REQUESTED, payload: requested, occurredAt: at(TALK_SECONDS * 1000 - 4000), metadata: meta },
    { type: CALL_RECORDED, payload: record, occurredAt: at(TALK_SECONDS * 1000), metadata: meta },
    { type: TRANSFER_UNANSWERED, payload: unanswered, occurredAt: at((TALK_SECONDS + DIAL_SECONDS) * 1000), metadata: meta },
    { type: MESSAGE_RECORDED, payload: message, occurredAt: at(total * 1000), metadata: meta },
    ended!,
    summarized!,
  ];
  return [{ tenantId: input.tenantId, stream: callStream(callSid), expectedVersion: 'no_stream', events }];
}

/** The demo tenants' unanswered transfer with its message, once. */
export async function seedTransferCalls(ports: DemoPorts): Promise<void> {
  await appendHistoryPerTenant(ports, DEMO_TENANTS, transferMarker, (tenant, now) =>
    generateTransferCall({ tenantId: tenant.id, zone: tenant.timeZone, number: tenant.phoneNumbers[0] ?? '+15550100000', now }),
  );
}
