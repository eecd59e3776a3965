import type { QueryResult } from './result.js';

const MAX_LINES = 5;

function value(name: string, v: unknown): string {
  if (typeof v === 'number' && /cents/.test(name)) return `$${(v / 100).toFixed(2)}`;
  if (v === null || v === undefined) return 'none';
  return String(v);
}

const label = (name: string) => name.replace(/_cents$/, '').replace(/_/g, ' ');

/**
 * A plain sentence from a result (portal answers and skill notifications): the period first,
 * then the figures. Deterministic: the numbers come from the database, never from a model.
 */
export function answerText(result: QueryResult): string {
  if (!result.ok) return result.fallback;
  const period = result.window ? `${result.window.label[0]!.toUpperCase()}${result.window.label.slice(1)}: ` : '';
  if (result.rows.length === 0) return `${period}no matching records.`;
  const lines = result.rows.slice(0, MAX_LINES).map((row) =>
    Object.entries(row)
      .map(([k, v]) => `${label(k)} ${value(k, v)}`)
      .join(', '),
  );
  const more = result.rows.length > MAX_LINES || result.truncated ? ` (and more; ${result.row_count} rows shown in full)` : '';
  return `${period}${lines.join('; ')}${more}.`;
}
