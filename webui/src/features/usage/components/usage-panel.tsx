'use client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Field } from '@/components/ui/field';
import { QueryView } from '@/components/ui/query-view';
import { formatMonth, previousMonths } from '@/lib/format/dates';
import { useApi } from '@/lib/api/api-context';
import { adminInvoicesQuery, adminUsageQuery, invoicesQuery, usageQuery } from '../queries';
import { InvoiceList } from './invoice-list';
import { UsageFigures } from './usage-figures';

const MONTHS_SHOWN = 12;

interface UsagePanelProps {
  tenantId: string;
  /** The owner reads their own through the tenant API; the admin any tenant's. */
  via: 'tenant' | 'admin';
  currentMonth: string;
}

/** A month's usage and the invoices so far, for the owner's page and the admin console alike. */
export function UsagePanel({ tenantId, via, currentMonth }: UsagePanelProps) {
  const api = useApi();
  const [period, setPeriod] = useState(currentMonth);
  const usage = useQuery(via === 'admin' ? adminUsageQuery(api, tenantId, period) : usageQuery(api, tenantId, period));
  const invoices = useQuery(via === 'admin' ? adminInvoicesQuery(api, tenantId) : invoicesQuery(api, tenantId));
  return (
    <div className="stack">
      <section aria-labelledby="usage-month" className="stack">
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <h2 id="usage-month">Usage in {formatMonth(period)}</h2>
          <Field label="Month">
            {(p) => (
              <select {...p} value={period} onChange={(e) => setPeriod(e.target.value)}>
                {previousMonths(currentMonth, MONTHS_SHOWN).map((m) => (
                  <option key={m} value={m}>
                    {formatMonth(m)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <QueryView query={usage} loadingLabel="Loading usage…">
          {(u) => <UsageFigures usage={u} />}
        </QueryView>
      </section>
      <section aria-labelledby="invoices" className="stack">
        <h2 id="invoices">Invoices</h2>
        <QueryView query={invoices} loadingLabel="Loading invoices…" isEmpty={(d) => d.items.length === 0} empty={{ title: 'No invoices yet', body: 'A month is invoiced after it ends.' }}>
          {(d) => <InvoiceList invoices={d.items} />}
        </QueryView>
      </section>
    </div>
  );
}
