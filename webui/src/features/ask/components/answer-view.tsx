import type { AskResult } from '@vozlia/contract';
import { formatCents } from '@/lib/format/money';
import { answerShape, columnLabel, isMoneyColumn } from '../answer-shape';
import { ResultChart } from './result-chart';
import { ResultTable } from './result-table';

/** The answer as a number, a chart with its table, or a table; the sentence always comes first. */
export function AnswerView({ result, zone }: { result: AskResult; zone: string }) {
  if (!result.ok) {
    return (
      <div className="stack">
        <p className="answer">{result.fallback}</p>
        <p className="muted small">Why: {result.error}</p>
      </div>
    );
  }
  const shape = answerShape(result);
  return (
    <div className="stack">
      {shape.kind === 'number' ? (
        <div>
          <p className="answer-number" data-testid="answer-number">
            {isMoneyColumn(shape.column) ? formatCents(shape.value) : shape.value.toLocaleString('en-US')}
          </p>
          <p className="muted">
            {columnLabel(shape.column)}
            {result.window && `, ${result.window.label}`}
          </p>
        </div>
      ) : (
        <p className="answer">{result.answer}</p>
      )}
      {shape.kind === 'series' && <ResultChart rows={result.rows} timeColumn={shape.timeColumn} valueColumns={shape.valueColumns} zone={zone} />}
      {(shape.kind === 'series' || shape.kind === 'table') && <ResultTable columns={result.columns} rows={result.rows} zone={zone} />}
      {result.truncated && <p className="muted small">Only the first {result.row_count} rows are shown.</p>}
    </div>
  );
}
