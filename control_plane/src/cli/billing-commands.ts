import { period, tenant, tenantOption, type Command } from './command-kit.js';
import { keyValues, table } from './format.js';

/** Usage and billing (contract §8). */
export const BILLING_COMMANDS: readonly Command[] = [
  {
    name: 'usage',
    summary: 'a tenant’s usage for a calendar month, in its time zone',
    options: { ...tenantOption, period: { type: 'string', help: 'YYYY-MM' } },
    async request(f) {
      return { req: { method: 'GET', path: `/api/admin/tenants/${tenant(f, 'usage')}/usage`, query: { period: period(f, 'usage') } } };
    },
    render: (b) => keyValues(b),
  },
  {
    name: 'billing close',
    summary: 'close an ended period into invoices (all tenants, or one)',
    options: {
      period: { type: 'string', help: 'YYYY-MM' },
      tenant: { type: 'string', help: 'only this tenant' },
      final: { type: 'boolean', help: 'close the open period: the last invoice of a tenant that leaves' },
    },
    async request(f) {
      const body = { period: period(f, 'billing close'), ...(f.tenant ? { tenant_id: f.tenant } : {}), ...(f.final ? { final: true } : {}) };
      return { req: { method: 'POST', path: '/api/admin/billing/close', body } };
    },
    render: (b) => {
      const invoices = (b as { invoices?: { lines?: unknown[] }[] }).invoices ?? [];
      if (!invoices.length) return 'no invoices';
      return invoices.map(({ lines, ...inv }) => `${keyValues(inv)}\n${table(lines ?? [])}`).join('\n\n');
    },
  },
];
