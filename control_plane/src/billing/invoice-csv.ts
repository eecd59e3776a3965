import type { Invoice } from '@vozlia/contract';

const COLUMNS = ['invoice_id', 'tenant_id', 'period', 'status', 'final', 'currency', 'line', 'kind', 'description', 'quantity', 'unit_cents', 'amount_cents', 'invoice_total_cents'] as const;

/** One row per invoice line (an invoice without lines gets one row with empty line fields). RFC 4180. */
export function invoicesCsv(invoices: readonly Invoice[]): string {
  const rows: (string | number | boolean)[][] = [];
  for (const inv of invoices) {
    const head = [inv.id, inv.tenant_id, inv.period, inv.status, inv.final, inv.currency];
    if (inv.lines.length === 0) rows.push([...head, '', '', '', '', '', '', inv.total_cents]);
    inv.lines.forEach((l, i) => rows.push([...head, i + 1, l.kind, l.description, l.quantity, l.unit_cents, l.amount_cents, inv.total_cents]));
  }
  return [COLUMNS, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Quotes when needed; a text cell that a spreadsheet would run as a formula gets a leading `'`. */
function cell(v: string | number | boolean): string {
  if (typeof v !== 'string') return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
