import type { CallActorMode, CallDetail, CallOutcome, CallSummary } from '@vozlia/contract';
import { sql, type Kysely, type Selectable } from 'kysely';
import { EventReader } from '../storage/event-reads.js';
import type { PageKey } from '../storage/pages.js';
import type { Database } from '../storage/schema.js';
import type { BargeInEntry, CallRecord, ToolCallEntry, TranscriptEntry } from '../voice/call-context.js';
import { CALL_RECORDED, callStream } from './call-events.js';
import { messageOf, transferOf } from './call-transfer-view.js';
import type { CallsTable } from './tables.js';

/**
 * A call's outcome from its projected row, in one SQL expression so the list filters on exactly
 * what it shows: missed first, then still running, a message left, transferred, served, else not served.
 */
const OUTCOME = sql<CallOutcome>`case when missed then 'missed' when ended_at is null then 'in_progress' when message_url is not null then 'message_taken' when end_reason = 'transferred' then 'transferred' when served then 'served' else 'not_served' end`;

type CallLogRow = Selectable<CallsTable> & { outcome: CallOutcome };

export interface CallFilter {
  outcome?: CallOutcome;
  actorMode?: CallActorMode;
  start?: Date;
  end?: Date;
  after?: PageKey;
  limit: number;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function toSummary(r: CallLogRow): CallSummary {
  return {
    call_sid: r.call_sid,
    started_at: iso(r.started_at)!,
    ended_at: iso(r.ended_at),
    caller_number: r.from_number,
    caller_name: null,
    actor_mode: r.actor_mode === 'owner' || r.actor_mode === 'client' ? r.actor_mode : null,
    tenant_mode: r.tenant_mode === 'dedicated' || r.tenant_mode === 'shared' ? r.tenant_mode : null,
    outcome: r.outcome,
    duration_seconds: r.duration_seconds,
    first_audio_ms: r.first_audio_ms,
    turn_latency_p50_ms: r.reply_p50_ms,
    turn_latency_p90_ms: r.reply_p90_ms,
    tool_calls: r.tool_calls,
    barge_ins: r.barge_ins,
    summary: r.summary,
  };
}

/** The tenant's call log (contract `CallSummary`, `CallDetail`), from the `calls` projection and the call's own record. */
export class CallLog {
  readonly #db: Kysely<Database>;
  readonly #events: EventReader;
  constructor(db: Kysely<Database>) {
    this.#db = db;
    this.#events = new EventReader(db);
  }

  /** Newest first by `(started_at, call_sid)`. */
  async list(tenantId: string, f: CallFilter): Promise<CallLogRow[]> {
    let q = this.#db.selectFrom('calls').selectAll().select(OUTCOME.as('outcome')).where('tenant_id', '=', tenantId);
    if (f.outcome) q = q.where(OUTCOME, '=', f.outcome);
    if (f.actorMode) q = q.where('actor_mode', '=', f.actorMode);
    if (f.start) q = q.where('started_at', '>=', f.start);
    if (f.end) q = q.where('started_at', '<', f.end);
    const after = f.after;
    if (after) q = q.where((eb) => eb.or([eb('started_at', '<', after.at), eb.and([eb('started_at', '=', after.at), eb('call_sid', '<', after.id)])]));
    return q.orderBy('started_at', 'desc').orderBy('call_sid', 'desc').limit(f.limit).execute();
  }

  static summary = toSummary;
  static key = (r: CallLogRow): PageKey => ({ at: new Date(r.started_at), id: r.call_sid });

  /** One call of this tenant with its transcript, tools and barge-ins; undefined for another tenant's. */
  async detail(tenantId: string, callSid: string): Promise<CallDetail | undefined> {
    const row = await this.#db.selectFrom('calls').selectAll().select(OUTCOME.as('outcome')).where('tenant_id', '=', tenantId).where('call_sid', '=', callSid).executeTakeFirst();
    if (!row) return undefined;
    const stream = (await this.#events.readStream(callStream(callSid))).filter((e) => e.tenantId === tenantId);
    const recorded = stream.filter((e) => e.type === CALL_RECORDED).at(-1);
    const rec = (recorded?.payload ?? {}) as Partial<CallRecord>;
    const list = <T>(v: T[] | undefined): T[] => (Array.isArray(v) ? v : []);
    return {
      ...toSummary(row),
      missed_reason: row.missed_reason,
      end_reason: row.end_reason,
      transcript: list<TranscriptEntry>(rec.transcript).map((t) => ({ role: t.role, text: t.text, at: t.at })),
      tools: list<ToolCallEntry>(rec.toolCalls).map((t) => ({ name: t.name, ok: t.ok, latency_ms: Math.max(0, Math.round(t.latencyMs)), at: t.at, error: t.error ?? null })),
      barge_in_events: list<BargeInEntry>(rec.bargeIns).map((b) => ({ at: b.at, audio_end_ms: b.audioEndMs === null ? null : Math.max(0, Math.round(b.audioEndMs)) })),
      transfer: transferOf(stream),
      message: messageOf(stream),
    };
  }
}
