import { describe, expect, it } from 'vitest';
import { CloseRequest, PlanRequest, UsageQuery } from './billing.js';

describe('billing schemas', () => {
  it('take a month as YYYY-MM only', () => {
    expect(UsageQuery.safeParse({ period: '2026-11' }).success).toBe(true);
    for (const period of ['2026-13', '2026-1', '26-11', '2026-11-01', '']) expect(UsageQuery.safeParse({ period }).success).toBe(false);
  });

  it('close a period as non-final unless told, for every tenant unless one is named', () => {
    expect(CloseRequest.parse({ period: '2026-11' })).toEqual({ period: '2026-11', final: false });
  });

  it('want plan prices as non-negative integer cents, SMS free by default', () => {
    expect(PlanRequest.parse({ monthly_fee_cents: 4900, included_minutes: 100, overage_cents_per_minute: 12 }).sms_cents_per_segment).toBe(0);
    expect(PlanRequest.safeParse({ monthly_fee_cents: 49.5, included_minutes: 100, overage_cents_per_minute: 12 }).success).toBe(false);
    expect(PlanRequest.safeParse({ monthly_fee_cents: 4900, included_minutes: 100, overage_cents_per_minute: 12, effective_from: 'tomorrow' }).success).toBe(false);
  });
});
