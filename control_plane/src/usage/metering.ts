import type { UsageStatement } from '@vozlia/contract';
import type { UsageEvent } from './ports.js';
import {
  CALL_ENDED,
  CALL_RECORDED,
  CallEndedPayload,
  CallRecordedPayload,
  MESSAGE_SENT,
  MessageSentPayload,
  NO_REALTIME_END_REASONS,
  TRANSFER_COMPLETED,
  TRANSFER_REQUESTED,
} from './usage-events.js';

/** The metered quantities of a statement: the contract's usage fields without the period. */
export type UsageCounts = Omit<UsageStatement, 'period' | 'time_zone' | 'from' | 'to'>;

const SECONDS_PER_MINUTE = 60;
const MS_PER_SECOND = 1000;

export function emptyUsage(): UsageCounts {
  return {
    calls: 0,
    call_seconds: 0,
    billable_minutes: 0,
    ai_seconds: 0,
    sms_sent: 0,
    sms_segments: 0,
    emails_sent: 0,
    webhooks_sent: 0,
    tool_runs: 0,
    tool_runs_by_tool: {},
    transfers_requested: 0,
    transfers_completed: 0,
  };
}

/**
 * Pure: the usage in a set of events. Each call's status callback bills ⌈seconds ÷ 60⌉ minutes
 * (a carrier bills each started minute); AI seconds are each call record's Realtime socket
 * time rounded to the second (none for a session that never opened one). Unknown types are ignored; bad payload parts count as zero.
 */
export function meter(events: readonly UsageEvent[]): UsageCounts {
  const u = emptyUsage();
  // A Map, then own properties in name order: a tool named `__proto__` stays a plain key.
  const byTool = new Map<string, number>();
  for (const e of events) addEvent(u, byTool, e);
  u.tool_runs_by_tool = Object.fromEntries([...byTool].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return u;
}

function addEvent(u: UsageCounts, byTool: Map<string, number>, e: UsageEvent): void {
  switch (e.type) {
    case CALL_ENDED: {
      const s = Math.floor(CallEndedPayload.parse(e.payload).durationSeconds ?? 0);
      u.calls += 1;
      u.call_seconds += s;
      u.billable_minutes += Math.ceil(s / SECONDS_PER_MINUTE);
      return;
    }
    case CALL_RECORDED: {
      const r = CallRecordedPayload.parse(e.payload);
      if (r.startedAt && r.endedAt && !NO_REALTIME_END_REASONS.has(r.endReason ?? '')) {
        const ms = Date.parse(r.endedAt) - Date.parse(r.startedAt);
        if (ms > 0) u.ai_seconds += Math.round(ms / MS_PER_SECOND);
      }
      for (const t of r.toolCalls) {
        u.tool_runs += 1;
        byTool.set(t.name, (byTool.get(t.name) ?? 0) + 1);
      }
      return;
    }
    case MESSAGE_SENT: {
      const m = MessageSentPayload.parse(e.payload);
      if (m.channel === 'sms') {
        u.sms_sent += 1;
        u.sms_segments += m.segments;
      } else if (m.channel === 'email') u.emails_sent += 1;
      else if (m.channel === 'webhook') u.webhooks_sent += 1;
      return;
    }
    case TRANSFER_REQUESTED:
      u.transfers_requested += 1;
      return;
    case TRANSFER_COMPLETED:
      u.transfers_completed += 1;
      return;
  }
}
