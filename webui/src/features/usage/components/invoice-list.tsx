import type { Invoice } from '@vozlia/contract';
import { Table } from '@/components/lists/table';
import { humanize } from '@/components/ui/badge';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatMonth } from '@/lib/format/dates';
import { formatCents } from '@/lib/format/money';

const COLUMNS = [{ label: 'Month' }, { label: 'Lines' }, { label: 'Total', num: true }, { label: 'Status' }];

export function InvoiceList({ invoices }: { invoices: readonly Invoice[] }) {
  return (
    <Table caption="Invoices, newest first" columns={COLUMNS}>
      {invoices.map((inv) => (
        <tr key={inv.id}>
          <td data-label="Month">{formatMonth(inv.period)}</td>
          <td data-label="Lines">
            {inv.lines.map((l, i) => (
              <div key={i} className="small">
                {humanize(l.kind)}: {l.quantity} × {formatCents(l.unit_cents)} = {formatCents(l.amount_cents)}
              </div>
            ))}
          </td>
          <td data-label="Total" className="num">
            {formatCents(inv.total_cents)}
          </td>
          <td data-label="Status">
            <StatusBadge status={inv.status} />
          </td>
        </tr>
      ))}
    </Table>
  );
}
