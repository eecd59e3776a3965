import type { Cell } from '@vozlia/contract';
import { Table } from '@/components/lists/table';
import { formatInstant } from '@/lib/format/dates';
import { formatCents } from '@/lib/format/money';
import { columnLabel, isMoneyColumn } from '../answer-shape';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T/;

export function formatCell(column: string, value: Cell, zone: string): string {
  if (value === null) return '—';
  if (typeof value === 'number') return isMoneyColumn(column) ? formatCents(value) : value.toLocaleString('en-US');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return ISO_INSTANT.test(value) ? formatInstant(value, zone) : value;
}

export function ResultTable({ columns, rows, zone }: { columns: string[]; rows: Record<string, Cell>[]; zone: string }) {
  return (
    <Table caption="The answer's rows" columns={columns.map((c) => ({ label: columnLabel(c), num: rows.some((r) => typeof r[c] === 'number') }))}>
      {rows.map((row, i) => (
        <tr key={i}>
          {columns.map((c) => (
            <td key={c} data-label={columnLabel(c)} className={typeof row[c] === 'number' ? 'num' : undefined}>
              {formatCell(c, row[c] ?? null, zone)}
            </td>
          ))}
        </tr>
      ))}
    </Table>
  );
}
