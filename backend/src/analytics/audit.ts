import { TOOL_REFUSED } from '../calls/call-events.js';
import './tables.js';
import type { EventStore } from '../storage/event-store.js';
import type { Projection, StoredEvent, Trx } from '../storage/events.js';

export const QUERY_RAN = 'analytics.query_ran';
/** The tools whose refusals belong in the analytics audit trail. */
export const AUDITED_TOOLS: readonly string[] = ['query_business_metrics', 'run_saved_skill'];

export type RunSource = 'voice' | 'portal' | 'schedule';
export type RunOutcome = 'ok' | 'invalid' | 'error' | 'refused';

/** One run, valid or not. Never holds phone numbers or access codes (the views expose none). */
export interface QueryRan {
  auditId: string;
  tenantId: string;
  actorMode: 'owner' | 'client' | 'system';
  source: RunSource;
  tool: string;
  callSid: string | null;
  skillId: string | null;
  question: string | null;
  spec: unknown;
  sql: string | null;
  params: unknown[] | null;
  rowCount: number | null;
  durationMs: number;
  outcome: RunOutcome;
  error: string | null;
}

export const auditStream = (auditId: string) => ({ type: 'analytics_query', id: auditId });

/** Appends the run's audit event (its own stream: an audit entry is written once, never changed). */
export async function recordRun(events: Pick<EventStore, 'append'>, run: QueryRan, at?: Date): Promise<void> {
  await events.append({
    tenantId: run.tenantId,
    stream: auditStream(run.auditId),
    expectedVersion: 'no_stream',
    events: [
      {
        type: QUERY_RAN,
        payload: run,
        idempotencyKey: `analytics:audit:${run.auditId}`,
        metadata: { source: run.source, actor_mode: run.actorMode, ...(run.callSid ? { call_sid: run.callSid } : {}) },
        ...(at ? { occurredAt: at } : {}),
      },
    ],
  });
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const clip = (v: string | null, max: number) => (v && v.length > max ? v.slice(0, max) : v);

/** A router refusal of one of our tools, as an audit row (outcome `refused`), or null if not ours. */
export function refusalAsRun(event: StoredEvent): QueryRan | null {
  const p = event.payload as Record<string, unknown>;
  const tool = str(p.tool) ?? str(p.toolName) ?? str(p.name);
  if (!tool || !AUDITED_TOOLS.includes(tool)) return null;
  const mode = str(p.actorMode) ?? str(p.actor_mode) ?? str(event.metadata.actor_mode);
  return {
    auditId: event.id,
    tenantId: event.tenantId,
    actorMode: mode === 'owner' ? 'owner' : mode === 'system' ? 'system' : 'client',
    source: str(event.metadata.source) === 'portal' ? 'portal' : 'voice',
    tool,
    callSid: str(p.callSid) ?? str(p.call_sid) ?? str(event.metadata.call_sid),
    skillId: null,
    question: null,
    spec: p.args ?? p.arguments ?? null,
    sql: null,
    params: null,
    rowCount: null,
    durationMs: 0,
    outcome: 'refused',
    error: str(p.reason) ?? 'tool not allowed in this mode',
  };
}

/** `analytics_audit`: one row per run, from `analytics.query_ran` and refusals of our tools. */
export const analyticsAuditProjection: Projection = {
  name: 'analytics_audit',
  handles: [QUERY_RAN, TOOL_REFUSED],
  tables: ['analytics_audit'],
  async apply(trx: Trx, event: StoredEvent) {
    const run = event.type === QUERY_RAN ? (event.payload as unknown as QueryRan) : refusalAsRun(event);
    if (!run || typeof run.auditId !== 'string') return;
    await trx
      .insertInto('analytics_audit')
      .values({
        audit_id: run.auditId,
        tenant_id: event.tenantId,
        occurred_at: event.occurredAt,
        actor_mode: run.actorMode ?? 'system',
        source: run.source ?? 'voice',
        tool: run.tool ?? 'query_business_metrics',
        call_sid: run.callSid ?? null,
        skill_id: run.skillId ?? null,
        question: clip(run.question ?? null, 2000),
        spec: run.spec === undefined || run.spec === null ? null : JSON.stringify(run.spec),
        sql: run.sql ?? null,
        params: run.params ? JSON.stringify(run.params) : null,
        row_count: typeof run.rowCount === 'number' ? run.rowCount : null,
        duration_ms: Math.max(0, Math.round(run.durationMs ?? 0)),
        outcome: run.outcome ?? 'error',
        error: clip(run.error ?? null, 2000),
      })
      .onConflict((oc) => oc.column('audit_id').doNothing())
      .execute();
  },
};
