import { DateTime } from 'luxon';
import type { CompiledQuery, ResultColumn } from './compile.js';
import { describeWindow } from './time-window.js';

export const FALLBACK_SAY = "I'm not sure I can answer that from your records right now.";
/** A spoken answer carries at most this many rows; totals cover the rest. */
export const VOICE_MAX_ROWS = 10;

export interface QueryWindow {
  from: string | null;
  to: string | null;
  label: string;
}

export interface QuerySuccess {
  ok: true;
  columns: string[];
  rows: Record<string, unknown>[];
  row_count: number;
  truncated: boolean;
  audit_id: string;
  window: QueryWindow | null;
  /** Voice only: rows left out of `rows` and metric totals over every fetched row. */
  rows_omitted?: number;
  totals?: Record<string, number>;
}

export interface QueryFailure {
  ok: false;
  /** `invalid`: the spec (fix it); `refused`: not for this caller; `error`: the database failed. */
  reason: 'invalid' | 'refused' | 'error';
  error: string;
  fallback: string;
  audit_id: string;
}

export type QueryResult = QuerySuccess | QueryFailure;

function cell(value: unknown, col: ResultColumn, zone: string): unknown {
  if (value instanceof Date) return DateTime.fromJSDate(value, { zone }).toISO();
  if (col.type === 'number' && typeof value === 'string' && value.trim() !== '') return Number(value);
  return value ?? null;
}

/** Maps internal aliases back to the names the spec gave and cuts the look-ahead row. */
export function shapeRows(query: CompiledQuery, raw: readonly Record<string, unknown>[], zone: string) {
  const truncated = raw.length > query.limit;
  const rows = raw.slice(0, query.limit).map((r) => {
    const out: Record<string, unknown> = {};
    for (const col of query.columns) out[col.name] = cell(r[col.alias], col, zone);
    return out;
  });
  return { rows, truncated };
}

export function successResult(
  query: CompiledQuery,
  rows: Record<string, unknown>[],
  truncated: boolean,
  auditId: string,
  opts: { voice: boolean },
): QuerySuccess {
  const base: QuerySuccess = {
    ok: true,
    columns: query.columns.map((c) => c.name),
    rows,
    row_count: rows.length,
    truncated,
    audit_id: auditId,
    window: describeWindow(query.window),
  };
  if (!opts.voice || rows.length <= VOICE_MAX_ROWS) return base;
  // Counts and sums add up across groups; averages, minima and maxima do not, so they get no total.
  const additive = query.columns.filter((c) => c.additive);
  const totals: Record<string, number> = {};
  for (const c of additive) totals[c.name] = rows.reduce((acc, r) => acc + (typeof r[c.name] === 'number' ? (r[c.name] as number) : 0), 0);
  return { ...base, rows: rows.slice(0, VOICE_MAX_ROWS), rows_omitted: rows.length - VOICE_MAX_ROWS, totals };
}

export function failureResult(reason: QueryFailure['reason'], error: string, auditId: string): QueryFailure {
  return { ok: false, reason, error, fallback: FALLBACK_SAY, audit_id: auditId };
}
