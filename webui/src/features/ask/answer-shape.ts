import type { QuerySuccess } from '@vozlia/contract';

export type AnswerShape =
  | { kind: 'empty' }
  | { kind: 'number'; column: string; value: number }
  | { kind: 'series'; timeColumn: string; valueColumns: string[] }
  | { kind: 'table' };

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * How to show a result: one figure as a number; time buckets with figures as a chart (and its
 * table); anything else as a table.
 */
export function answerShape(result: Pick<QuerySuccess, 'columns' | 'rows'>): AnswerShape {
  const { columns, rows } = result;
  if (rows.length === 0) return { kind: 'empty' };
  const numeric = (c: string) => rows.every((r) => typeof r[c] === 'number' || r[c] === null);
  if (rows.length === 1 && columns.length === 1 && typeof rows[0]![columns[0]!] === 'number') {
    return { kind: 'number', column: columns[0]!, value: rows[0]![columns[0]!] as number };
  }
  const [first, ...rest] = columns;
  const isTime = first !== undefined && rows.every((r) => typeof r[first] === 'string' && ISO_INSTANT.test(r[first] as string));
  const values = rest.filter(numeric);
  if (isTime && rows.length > 1 && values.length > 0 && values.length === rest.length) return { kind: 'series', timeColumn: first, valueColumns: values };
  return { kind: 'table' };
}

/** `revenue_cents` → "Revenue"; `orders` → "Orders". */
export const columnLabel = (name: string) => {
  const s = name.replace(/_cents$/, '').replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
};

export const isMoneyColumn = (name: string) => name.endsWith('_cents');
