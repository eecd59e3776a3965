import { describe, expect, it } from 'vitest';
import { emptyUsage, meter } from './metering.js';
import type { UsageEvent } from './ports.js';

const at = new Date('2026-11-10T15:00:00Z');
const ev = (type: string, payload: Record<string, unknown>): UsageEvent => ({ type, tenantId: 't1', occurredAt: at, recordedAt: at, payload });

describe('meter', () => {
  it('bills each started minute per call, from the status callback', () => {
    const u = meter([
      ev('call.ended', { durationSeconds: 60 }),
      ev('call.ended', { durationSeconds: 61 }),
      ev('call.ended', { durationSeconds: 1 }),
      ev('call.ended', { durationSeconds: 0 }),
      ev('call.ended', { durationSeconds: null }),
    ]);
    expect(u).toMatchObject({ calls: 5, call_seconds: 122, billable_minutes: 1 + 2 + 1 + 0 + 0 });
  });

  it('counts AI seconds and tool runs from call records, SMS segments and emails from messages, transfers', () => {
    const u = meter([
      ev('call.recorded', {
        startedAt: '2026-11-10T15:00:00.000Z',
        endedAt: '2026-11-10T15:01:30.600Z',
        toolCalls: [{ name: 'place_order' }, { name: 'search_knowledge_base' }, { name: 'place_order' }],
      }),
      // No OpenAI key: the caller heard the TwiML apology, no Realtime socket was opened.
      ev('call.recorded', { startedAt: '2026-11-10T16:00:00.000Z', endedAt: '2026-11-10T16:00:04.000Z', endReason: 'no_api_key', toolCalls: [] }),
      ev('message.sent', { channel: 'sms', segments: 2 }),
      ev('message.sent', { channel: 'sms', segments: 1 }),
      ev('message.sent', { channel: 'email', segments: 1 }),
      ev('message.sent', { channel: 'webhook' }),
      ev('transfer.requested', {}),
      ev('transfer.requested', {}),
      ev('transfer.completed', {}),
    ]);
    expect(u).toMatchObject({
      ai_seconds: 91,
      tool_runs: 3,
      tool_runs_by_tool: { place_order: 2, search_knowledge_base: 1 },
      sms_sent: 2,
      sms_segments: 3,
      emails_sent: 1,
      webhooks_sent: 1,
      transfers_requested: 2,
      transfers_completed: 1,
    });
  });

  it('never throws on a recorded fact: bad parts count as zero, unknown types are ignored', () => {
    const u = meter([
      ev('call.ended', { durationSeconds: 'soon' }),
      ev('call.recorded', { startedAt: 'yesterday', endedAt: 7, toolCalls: 'many' }),
      ev('call.recorded', { startedAt: '2026-11-10T15:01:00Z', endedAt: '2026-11-10T15:00:00Z', toolCalls: [{ name: '__proto__' }, 3] }),
      ev('message.sent', { channel: 'pigeon', segments: -1 }),
      ev('order.placed', { totalCents: 1000 }),
    ]);
    expect(u).toEqual({ ...emptyUsage(), calls: 1, tool_runs: 2, tool_runs_by_tool: Object.fromEntries([['__proto__', 1], ['unknown', 1]]) });
    expect(Object.getPrototypeOf(u.tool_runs_by_tool)).toBe(Object.prototype);
  });
});
