import { describe, expect, it } from 'vitest';
import { BILLING_COMMANDS } from './billing-commands.js';
import type { Flags } from './commands.js';
import { UsageError } from './usage-error.js';

const command = (name: string) => BILLING_COMMANDS.find((c) => c.name === name)!;
const request = async (name: string, flags: Flags) => (await command(name).request(flags, async () => '')).req;

describe('billing commands: the admin requests they make', () => {
  it('billing plan: PUT …/plan with integer cents, the flag named when one is missing or wrong', async () => {
    const flags = { tenant: 'demo_restaurant', 'monthly-fee-cents': '4900', 'included-minutes': '300', 'overage-cents-per-minute': '5', 'effective-from': '2026-11-01T00:00:00-04:00' };
    expect(await request('billing plan', flags)).toEqual({
      method: 'PUT',
      path: '/api/admin/tenants/demo_restaurant/plan',
      body: { monthly_fee_cents: 4900, included_minutes: 300, overage_cents_per_minute: 5, sms_cents_per_segment: 0, effective_from: '2026-11-01T00:00:00-04:00' },
    });
    await expect(request('billing plan', { ...flags, 'included-minutes': undefined })).rejects.toThrow(new UsageError('billing plan needs --included-minutes'));
    await expect(request('billing plan', { ...flags, 'monthly-fee-cents': '49.00' })).rejects.toThrow('--monthly-fee-cents must be a whole number');
    await expect(request('billing plan', { ...flags, 'effective-from': 'tomorrow' })).rejects.toThrow(/^--effective-from: /);
    await expect(request('billing plan', { ...flags, tenant: 'Not A Tenant' })).rejects.toThrow('is not a tenant id');
  });

  it('billing close: the period, and the tenant and final only when given', async () => {
    expect(await request('billing close', { period: '2026-11' })).toEqual({ method: 'POST', path: '/api/admin/billing/close', body: { period: '2026-11' } });
    expect((await request('billing close', { period: '2026-11', tenant: 'demo_barbershop', final: true })).body).toEqual({ period: '2026-11', tenant_id: 'demo_barbershop', final: true });
    await expect(request('billing close', { period: '11/2026' })).rejects.toThrow('--period must be YYYY-MM');
  });

  it('billing invoices: a table with one row per invoice', async () => {
    expect(await request('billing invoices', { tenant: 'demo_restaurant' })).toEqual({ method: 'GET', path: '/api/admin/tenants/demo_restaurant/invoices' });
    const inv = { id: 'inv_1', tenant_id: 'demo_restaurant', period: '2026-10', status: 'paid', final: false, currency: 'usd', total_cents: 5230, lines: [], stripe_invoice_id: 'in_1' };
    const text = command('billing invoices').render({ items: [inv] }, {});
    expect(text.split('\n')).toEqual([expect.stringMatching(/^id\s+tenant_id\s+period\s+status\s+final\s+total_cents\s+currency\s+stripe_invoice_id$/), expect.stringMatching(/^inv_1\s+demo_restaurant\s+2026-10\s+paid\s+false\s+5230\s+usd\s+in_1$/)]);
    expect(command('billing invoices').render({ items: [] }, {})).toBe('no invoices');
  });
});
