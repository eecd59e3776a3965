import { sql, type Insertable, type Updateable } from 'kysely';
import type { Projection, StoredEvent, Trx } from '../storage/events.js';
import type { CallsTable } from './tables.js';
import {
  CALL_BLOCKED,
  CALL_BUSY,
  CALL_CONNECTED,
  CALL_ENDED,
  CALL_EVENT_TYPES,
  CALL_GATE_FAILED,
  CALL_GATE_PASSED,
  CALL_LOCKED_OUT,
  CALL_MISSED,
  CALL_RECEIVED,
  CALL_RECORDED,
  CALL_SUMMARIZED,
  MESSAGE_RECORDED,
  TRANSFER_COMPLETED,
  TRANSFER_REQUESTED,
  TRANSFER_UNANSWERED,
  TRANSFER_CANCELLED,
  type CallConnected,
  type CallEnded,
  type CallGatePassed,
  type CallMissed,
  type CallReceived,
  type MessageRecorded,
} from './call-events.js';

type CallChanges = Updateable<CallsTable>;

/**
 * `calls`: one row per CallSid from the call lifecycle events. Deterministic (event data and
 * occurredAt only) so a rebuild gives the same rows; events may arrive in any order (the
 * status callback can beat the call record), so every event upserts.
 */
export const callsProjection: Projection = {
  name: 'calls',
  handles: [...CALL_EVENT_TYPES, CALL_SUMMARIZED],
  tables: ['calls'],
  async apply(trx: Trx, event: StoredEvent) {
    const sid = (event.payload as { callSid?: unknown }).callSid;
    const callSid = typeof sid === 'string' ? sid : event.streamId;
    const at = event.occurredAt;
    switch (event.type) {
      case CALL_RECEIVED: {
        const p = event.payload as unknown as CallReceived;
        return upsert(trx, callSid, at, {
          tenant_id: p.tenantId ?? null,
          from_number: p.from ?? null,
          to_number: p.to ?? null,
          tenant_mode: p.tenantMode ?? null,
          started_at: at,
        });
      }
      case CALL_GATE_FAILED:
        await upsert(trx, callSid, at, { status: 'gate' });
        await trx.updateTable('calls').set({ gate_failures: sql`gate_failures + 1` }).where('call_sid', '=', callSid).execute();
        return;
      case CALL_LOCKED_OUT:
        return upsert(trx, callSid, at, { status: 'locked_out' });
      case CALL_GATE_PASSED: {
        const p = event.payload as unknown as CallGatePassed;
        return upsert(trx, callSid, at, { tenant_id: p.tenantId, actor_mode: p.actorMode, tenant_mode: 'shared', status: 'routed' });
      }
      case CALL_CONNECTED: {
        const p = event.payload as unknown as CallConnected;
        return upsert(trx, callSid, at, {
          tenant_id: p.tenantId,
          actor_mode: p.actorMode,
          tenant_mode: p.tenantMode,
          connected_at: at,
          status: 'in_progress',
        });
      }
      case CALL_ENDED: {
        const p = event.payload as unknown as CallEnded;
        const duration = typeof p.durationSeconds === 'number' && p.durationSeconds >= 0 ? Math.round(p.durationSeconds) : null;
        return upsert(trx, callSid, at, { ended_at: at, duration_seconds: duration, status: String(p.status ?? 'completed') });
      }
      case CALL_MISSED: {
        const p = event.payload as unknown as CallMissed;
        return upsert(trx, callSid, at, { missed: true, missed_reason: String(p.reason ?? 'unknown'), served: false });
      }
      case CALL_RECORDED: {
        const p = event.payload as Record<string, unknown>;
        const count = (v: unknown) => (Array.isArray(v) ? v.length : 0);
        return upsert(trx, callSid, at, {
          served: p.served === true,
          end_reason: typeof p.endReason === 'string' ? p.endReason : null,
          tool_calls: count(p.toolCalls),
          barge_ins: count(p.bargeIns),
          first_audio_ms: typeof p.firstAssistantAudioMs === 'number' ? Math.round(p.firstAssistantAudioMs) : null,
          reply_p50_ms: latency(p.replyLatencyMs, 'p50'),
          reply_p90_ms: latency(p.replyLatencyMs, 'p90'),
        });
      }
      case CALL_BLOCKED:
        return upsert(trx, callSid, at, { status: 'blocked' });
      case CALL_BUSY:
        return upsert(trx, callSid, at, { status: 'busy' });
      case TRANSFER_REQUESTED:
        return upsert(trx, callSid, at, { transfer_status: 'requested' });
      case TRANSFER_COMPLETED:
        return upsert(trx, callSid, at, { transfer_status: 'completed' });
      case TRANSFER_UNANSWERED:
        return upsert(trx, callSid, at, { transfer_status: 'unanswered' });
      case TRANSFER_CANCELLED:
        return upsert(trx, callSid, at, { transfer_status: 'cancelled' });
      case MESSAGE_RECORDED: {
        const p = event.payload as unknown as MessageRecorded;
        return upsert(trx, callSid, at, { message_url: typeof p.recordingUrl === 'string' ? p.recordingUrl : null });
      }
      case CALL_SUMMARIZED: {
        const summary = (event.payload as { summary?: unknown }).summary;
        // Only a call we know of gets a summary; a summary never creates a call row.
        if (typeof summary !== 'string') return;
        await trx.updateTable('calls').set({ summary }).where('call_sid', '=', callSid).execute();
        return;
      }
    }
  },
};

function latency(v: unknown, key: 'p50' | 'p90'): number | null {
  const x = (v as Record<string, unknown> | null | undefined)?.[key];
  return typeof x === 'number' ? Math.round(x) : null;
}

/** Insert the row if this is the first event seen for the call, else apply the changes. */
async function upsert(trx: Trx, callSid: string, at: Date, changes: CallChanges): Promise<void> {
  await trx
    .insertInto('calls')
    .values({ status: 'received', started_at: at, ...changes, call_sid: callSid } as Insertable<CallsTable>)
    .onConflict((oc) => oc.column('call_sid').doUpdateSet(changes))
    .execute();
}
