import { describe, expect, it } from 'vitest';
import { emptyUsage, type UsageCounts } from '../usage/metering.js';
import { periodWindow } from '../usage/period.js';
import type { UsageEvent } from '../usage/ports.js';
import type { Statement } from '../usage/statement.js';
import { priceStatement } from './pricing.js';

const ZONE = 'America/New_York';
const nov = periodWindow('2026-11', ZONE); // 30 days
const plan = (effective: string, fee: number, included: number, overage: number, sms = 0): UsageEvent => ({
  type: 'billing.plan_set',
  tenantId: 't1',
  occurredAt: new Date(effective),
  recordedAt: new Date(effective),
  payload: { monthly_fee_cents: fee, included_minutes: included, overage_cents_per_minute: overage, sms_cents_per_segment: sms, effective_from: effective },
});
const statement = (usage: Partial<UsageCounts>, adjustments: Statement['adjustments'] = []): Statement => ({
  window: nov,
  cutoffAt: nov.to,
  usage: { ...emptyUsage(), ...usage },
  adjustments,
});

describe('priceStatement', () => {
  it('charges the fee plus billable minutes beyond the included ones, in integer cents', () => {
    const p = priceStatement({ statement: statement({ billable_minutes: 130, sms_segments: 7 }), billedTo: nov.to, planEvents: [plan('2026-10-01T00:00:00Z', 4900, 100, 12, 2)], billedMinutes: () => 0 });
    expect(p.lines).toEqual([
      { kind: 'monthly_fee', description: 'Monthly fee, 2026-11', quantity: 1, unit_cents: 4900, amount_cents: 4900 },
      { kind: 'overage_minutes', description: 'Minutes beyond the included ones, 2026-11', quantity: 30, unit_cents: 12, amount_cents: 360 },
      { kind: 'sms_segments', description: 'SMS segments sent, 2026-11', quantity: 7, unit_cents: 2, amount_cents: 14 },
    ]);
    expect(p.total_cents).toBe(4900 + 360 + 14);
  });

  it('prorates a mid-period change by time in force: fee and included minutes per plan, rates of the last', () => {
    // Nov 1–10 (10 of 30 days) on 3000¢/300 min, Nov 11–30 on 6000¢/600 min at 5¢.
    const change = new Date('2026-11-11T05:00:00Z').toISOString(); // local midnight (EST)
    const p = priceStatement({
      statement: statement({ billable_minutes: 520 }),
      billedTo: nov.to,
      planEvents: [plan('2026-10-01T00:00:00Z', 3000, 300, 9), plan(change, 6000, 600, 5)],
      billedMinutes: () => 0,
    });
    expect(p.lines.map((l) => [l.kind, l.quantity, l.unit_cents, l.amount_cents])).toEqual([
      ['monthly_fee', 1, 1000, 1000],
      ['monthly_fee', 1, 4000, 4000],
      ['overage_minutes', 20, 5, 100], // included = 100 + 400
    ]);
    expect(p.lines[0]!.description).toContain('prorated 2026-11-01 00:00 to 2026-11-11 00:00');
  });

  it('prorates a final (leaving) invoice up to its cutoff and charges nothing before the first plan', () => {
    const leave = new Date('2026-11-16T05:00:00Z'); // half of November
    const p = priceStatement({ statement: statement({}), billedTo: leave, planEvents: [plan('2026-10-01T00:00:00Z', 3000, 0, 0)], billedMinutes: () => 0 });
    expect(p.total_cents).toBe(1500);
    expect(priceStatement({ statement: statement({ billable_minutes: 50 }), billedTo: nov.to, planEvents: [], billedMinutes: () => 0 })).toEqual({ lines: [], total_cents: 0 });
  });

  it('prices late usage with its own period plan, beyond what that period already billed', () => {
    const late = { period: '2026-10', usage: { ...emptyUsage(), billable_minutes: 10, sms_segments: 3 } };
    const planEvents = [plan('2026-09-01T00:00:00Z', 0, 100, 20, 4)];
    const price = (alreadyBilled: number) => priceStatement({ statement: statement({}, [late]), billedTo: nov.to, planEvents, billedMinutes: (p) => (p === '2026-10' ? alreadyBilled : 0) });
    expect(price(95).lines.map((l) => [l.kind, l.quantity, l.amount_cents])).toEqual([
      ['adjustment_minutes', 5, 100],
      ['adjustment_sms', 3, 12],
    ]);
    expect(price(20).lines.map((l) => l.kind)).toEqual(['adjustment_sms']); // still within the included minutes
  });
});
