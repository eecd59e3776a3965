import { Period, PlanRequest, TenantId, type CloseRequest, type Invoice } from '@vozlia/contract';
import type { z } from 'zod';
import type { Command, Flags } from './commands.js';
import { keyValues, table } from './format.js';
import { UsageError } from './usage-error.js';

/** Usage metering and billing (contract §8) from a terminal: `usage`, `billing close|plan|invoices`. */

/**
 * A required flag's value, checked with the contract's schema: missing → "needs --x", invalid →
 * the flag and what is wrong with it.
 */
function required(flags: Flags, name: string, schema: z.ZodType<string>, command: string, hint: string): string {
  const v = flags[name];
  if (v === undefined || v === '') throw new UsageError(`${command} needs --${name}`);
  const r = schema.safeParse(v);
  if (!r.success) throw new UsageError(`--${name} ${hint} (got ${JSON.stringify(v)})`);
  return r.data;
}

const period = (flags: Flags, command: string) => required(flags, 'period', Period, command, 'must be YYYY-MM, like 2026-11');
const tenantId = (flags: Flags, command: string) => required(flags, 'tenant', TenantId, command, 'is not a tenant id');
const tenantPath = (flags: Flags, command: string) => encodeURIComponent(tenantId(flags, command));

/** A whole number of cents or minutes from a flag, or undefined when the flag is absent. */
function count(flags: Flags, name: string): number | undefined {
  const v = flags[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !/^\d+$/.test(v)) throw new UsageError(`--${name} must be a whole number (got ${JSON.stringify(v)})`);
  return Number(v);
}

const tenantOption = { tenant: { type: 'string', help: 'tenant id' } } as const;
const periodOption = { period: { type: 'string', help: 'YYYY-MM, a calendar month in the tenant’s time zone' } } as const;

const invoiceSummary = (inv: Invoice) => ({
  id: inv.id,
  tenant_id: inv.tenant_id,
  period: inv.period,
  status: inv.status,
  final: inv.final,
  total_cents: inv.total_cents,
  currency: inv.currency,
  stripe_invoice_id: inv.stripe_invoice_id,
});

function renderInvoices(invoices: Invoice[]): string {
  if (!invoices.length) return 'no invoices';
  return invoices.map((inv) => `${keyValues(invoiceSummary(inv))}\n${table(inv.lines)}`).join('\n\n');
}

export const BILLING_COMMANDS: readonly Command[] = [
  {
    name: 'usage',
    summary: 'a tenant’s usage for a calendar month, in its time zone',
    options: { ...tenantOption, ...periodOption },
    async request(f) {
      return { req: { method: 'GET', path: `/api/admin/tenants/${tenantPath(f, 'usage')}/usage`, query: { period: period(f, 'usage') } } };
    },
    render: (b) => keyValues(b),
  },
  {
    name: 'billing close',
    summary: 'close an ended period into invoices (every tenant, or one); a repeat returns the same invoices',
    options: {
      ...periodOption,
      tenant: { type: 'string', help: 'only this tenant' },
      final: { type: 'boolean', help: 'close the open period: the last invoice of a tenant that leaves' },
    },
    async request(f) {
      const tenant = f.tenant === undefined ? undefined : tenantId(f, 'billing close');
      const body: z.input<typeof CloseRequest> = { period: period(f, 'billing close'), ...(tenant ? { tenant_id: tenant } : {}), ...(f.final ? { final: true } : {}) };
      return { req: { method: 'POST', path: '/api/admin/billing/close', body } };
    },
    render: (b) => renderInvoices((b as { invoices?: Invoice[] }).invoices ?? []),
  },
  {
    name: 'billing plan',
    summary: 'set a tenant’s plan (prices in integer cents), from now or from --effective-from',
    options: {
      ...tenantOption,
      'monthly-fee-cents': { type: 'string', help: 'the monthly fee, in cents' },
      'included-minutes': { type: 'string', help: 'billable minutes included each month' },
      'overage-cents-per-minute': { type: 'string', help: 'price of each minute beyond the included ones' },
      'sms-cents-per-segment': { type: 'string', help: 'price of an SMS segment (default 0)' },
      'effective-from': { type: 'string', help: 'ISO instant, e.g. 2026-11-01T00:00:00-05:00 (not inside a closed period)' },
    },
    async request(f) {
      const command = 'billing plan';
      const path = `/api/admin/tenants/${tenantPath(f, command)}/plan`;
      const body = {
        monthly_fee_cents: count(f, 'monthly-fee-cents'),
        included_minutes: count(f, 'included-minutes'),
        overage_cents_per_minute: count(f, 'overage-cents-per-minute'),
        sms_cents_per_segment: count(f, 'sms-cents-per-segment'),
        effective_from: f['effective-from'],
      };
      const r = PlanRequest.safeParse(body);
      if (!r.success) {
        const field = String(r.error.issues[0]!.path[0] ?? '');
        const name = `--${field.replace(/_/g, '-')}`;
        throw new UsageError(body[field as keyof typeof body] === undefined ? `${command} needs ${name}` : `${name}: ${r.error.issues[0]!.message}`);
      }
      return { req: { method: 'PUT', path, body: r.data } };
    },
    render: (b) => `plan set\n${keyValues(b)}`,
  },
  {
    name: 'billing invoices',
    summary: 'list a tenant’s invoices, newest period first',
    options: tenantOption,
    request: async (f) => ({ req: { method: 'GET', path: `/api/admin/tenants/${tenantPath(f, 'billing invoices')}/invoices` } }),
    render: (b) => {
      const items = (b as { items?: Invoice[] }).items ?? [];
      return items.length ? table(items.map(invoiceSummary)) : 'no invoices';
    },
  },
];
