/** Plain-text rendering for people; `--json` bypasses all of this. */

const cell = (v: unknown): string => (Array.isArray(v) ? v.map(cell).join(',') : v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** `key: value` lines of an object's fields. */
export function keyValues(obj: unknown): string {
  if (!obj || typeof obj !== 'object') return cell(obj);
  const entries = Object.entries(obj as Record<string, unknown>);
  const width = Math.max(0, ...entries.map(([k]) => k.length));
  return entries.map(([k, v]) => `${k.padEnd(width)}  ${cell(v)}`).join('\n');
}

/** A column-aligned table of objects; the columns are the first row's keys. */
export function table(rows: unknown[]): string {
  if (!rows.length) return '(none)';
  const records = rows as Record<string, unknown>[];
  const cols = Object.keys(records[0]!);
  const cells = [cols, ...records.map((r) => cols.map((c) => cell(r[c])))];
  const widths = cols.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  return cells.map((row) => row.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}
