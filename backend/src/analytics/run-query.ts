import type { AnyDb } from './catalog.js';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { EventStore } from '../storage/event-store.js';
import { recordRun, type QueryRan, type RunSource } from './audit.js';
import type { Catalog } from './catalog.js';
import { compile } from './compile.js';
import { executeAnalytics } from './executor.js';
import { QuerySpecSchema, describeIssues } from './query-spec.js';
import { failureResult, shapeRows, successResult, type QueryResult } from './result.js';

export interface RunDeps {
  db: AnyDb;
  kind: 'pglite' | 'postgres';
  events: Pick<EventStore, 'append'>;
  catalog: Catalog;
  now: Date;
  log?: Logger;
  /** Monotonic milliseconds for durations (injected for tests). */
  elapsed?: () => number;
}

export interface RunRequest {
  tenantId: string;
  timeZone: string;
  actorMode: 'owner' | 'client' | 'system';
  source: RunSource;
  tool?: string;
  callSid?: string | null;
  skillId?: string | null;
  question?: string | null;
  spec: unknown;
  /** False for the portal's own page figures (the dashboard): a page view is not a question. */
  audit?: boolean;
}

/** What a failed run tells the model: the validation words, or a generic line for a DB failure. */
const DB_FAILURE = 'the query could not be run; try a simpler question or a shorter period';

/**
 * The one path for every run (voice, portal, schedule): refuse non-owners, parse, validate,
 * compile, execute under the read-only role, shape, and audit — whatever the outcome. Never throws
 * for a bad spec or a failed query; the result says what went wrong.
 */
export async function runQuery(deps: RunDeps, req: RunRequest): Promise<QueryResult> {
  const auditId = randomUUID();
  const clock = deps.elapsed ?? (() => performance.now());
  const started = clock();
  const base: Omit<QueryRan, 'outcome' | 'error' | 'sql' | 'params' | 'rowCount' | 'durationMs'> = {
    auditId,
    tenantId: req.tenantId,
    actorMode: req.actorMode,
    source: req.source,
    tool: req.tool ?? 'query_business_metrics',
    callSid: req.callSid ?? null,
    skillId: req.skillId ?? null,
    question: req.question ?? null,
    spec: req.spec ?? null,
  };
  const audit = async (rest: Pick<QueryRan, 'outcome' | 'error' | 'sql' | 'params' | 'rowCount'>) => {
    if (req.audit === false) return;
    await recordRun(deps.events, { ...base, ...rest, durationMs: clock() - started });
  };

  if (req.actorMode === 'client') {
    const error = 'business figures are only for the owner';
    await audit({ outcome: 'refused', error, sql: null, params: null, rowCount: null });
    return failureResult('refused', error, auditId);
  }
  const parsed = QuerySpecSchema.safeParse(req.spec);
  if (!parsed.success) {
    const error = describeIssues(parsed.error).join('; ');
    await audit({ outcome: 'invalid', error, sql: null, params: null, rowCount: null });
    return failureResult('invalid', error, auditId);
  }
  const compiled = compile(parsed.data, deps.catalog, req.tenantId, deps.now, req.timeZone);
  if (!compiled.ok) {
    const error = compiled.errors.join('; ');
    await audit({ outcome: 'invalid', error, sql: null, params: null, rowCount: null });
    return failureResult('invalid', error, auditId);
  }
  const { query } = compiled;
  let raw: Record<string, unknown>[];
  try {
    raw = await executeAnalytics(deps.db, query, req.tenantId, { kind: deps.kind });
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    deps.log?.warn({ event: 'analytics_query_failed', tenantId: req.tenantId, auditId, error: detail }, 'analytics query failed');
    await audit({ outcome: 'error', error: detail.slice(0, 500), sql: query.sql, params: [...query.parameters], rowCount: null });
    return failureResult('error', DB_FAILURE, auditId);
  }
  const { rows, truncated } = shapeRows(query, raw, req.timeZone);
  await audit({ outcome: 'ok', error: null, sql: query.sql, params: [...query.parameters], rowCount: rows.length });
  return successResult(query, rows, truncated, auditId, { voice: req.source === 'voice' });
}
