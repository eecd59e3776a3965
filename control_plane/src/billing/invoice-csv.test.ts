import type { Invoice } from '@vozlia/contract';
import { describe, expect, it } from 'vitest';
import { invoicesCsv } from './invoice-csv.js';

const invoice = (over: Partial<Invoice>): Invoice => ({
  id: 'inv_1',
  tenant_id: 't1',
  period: '2026-11',
  status: 'issued',
  final: false,
  currency: 'usd',
  total_cents: 0,
  lines: [],
  cutoff_at: '2026-12-01T05:00:00.000Z',
  created_at: '2026-12-01T05:15:00.000Z',
  stripe_invoice_id: null,
  ...over,
});

describe('invoicesCsv', () => {
  it('writes one RFC 4180 row per line, quoting commas and quotes, defusing formulas', () => {
    const csv = invoicesCsv([
      invoice({
        total_cents: 5260,
        lines: [
          { kind: 'monthly_fee', description: 'Monthly fee, 2026-11', quantity: 1, unit_cents: 4900, amount_cents: 4900 },
          { kind: 'overage_minutes', description: '=HYPERLINK("x")', quantity: 30, unit_cents: 12, amount_cents: 360 },
        ],
      }),
      invoice({ id: 'inv_2', tenant_id: 't2' }),
    ]);
    expect(csv.split('\r\n')).toEqual([
      'invoice_id,tenant_id,period,status,final,currency,line,kind,description,quantity,unit_cents,amount_cents,invoice_total_cents',
      'inv_1,t1,2026-11,issued,false,usd,1,monthly_fee,"Monthly fee, 2026-11",1,4900,4900,5260',
      `inv_1,t1,2026-11,issued,false,usd,2,overage_minutes,"'=HYPERLINK(""x"")",30,12,360,5260`,
      'inv_2,t2,2026-11,issued,false,usd,,,,,,,0',
      '',
    ]);
  });
});
