/**
 * One table for `npm run bench`: each bench appends its headline figures (one JSON line each) to
 * the file that bench/run-all.ts names with `--summary-file=<path>`; run-all prints them together,
 * each target beside its figure. Run alone (no such argument), a bench records nothing here.
 */
import { appendFileSync, readFileSync } from 'node:fs';

export interface Figure {
  bench: string;
  measure: string;
  value: number;
  unit: string;
  /** `≤ target` is met; null = reported only. */
  target: number | null;
  /** Measured and target conditions worth knowing (database, load, run count). */
  note?: string;
}

const SUMMARY_ARG = '--summary-file=';

export function summaryFileArg(argv: readonly string[] = process.argv): string | undefined {
  return argv.find((a) => a.startsWith(SUMMARY_ARG))?.slice(SUMMARY_ARG.length);
}

export function recordFigure(f: Figure, argv: readonly string[] = process.argv): void {
  const file = summaryFileArg(argv);
  if (file) appendFileSync(file, `${JSON.stringify(f)}\n`);
}

export function readFigures(file: string): Figure[] {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Figure);
}

const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));

/** The table, one row per figure; returns false when a figure misses its target. */
export function formatTable(figures: readonly Figure[]): { text: string; pass: boolean } {
  const rows = figures.map((f) => [
    f.bench,
    f.measure,
    `${fmt(f.value)} ${f.unit}`,
    f.target === null ? '—' : `≤ ${fmt(f.target)} ${f.unit}`,
    f.target === null ? '' : f.value <= f.target ? 'met' : 'MISSED',
    f.note ?? '',
  ]);
  const head = ['bench', 'measure', 'figure', 'target', 'verdict', 'conditions'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ').trimEnd();
  const text = [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
  return { text, pass: figures.every((f) => f.target === null || f.value <= f.target) };
}
