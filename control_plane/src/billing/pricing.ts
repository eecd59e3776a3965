import type { InvoiceLine } from '@vozlia/contract';
import { DateTime } from 'luxon';
import type { UsageCounts } from '../usage/metering.js';
import { periodWindow, type PeriodWindow } from '../usage/period.js';
import type { UsageEvent } from '../usage/ports.js';
import type { Statement } from '../usage/statement.js';
import { planSegments, type Plan, type PlanSegment } from './plans.js';

export interface PricingInput {
  statement: Statement;
  /** End of the billed time: the period's end, or the cutoff of a final (leaving) invoice. */
  billedTo: Date;
  /** `billing.plan_set` events recorded by the statement's cutoff. */
  planEvents: readonly UsageEvent[];
  /** Billable minutes of a period already on earlier statements (its own and adjustments). */
  billedMinutes(period: string): number;
}

export interface Priced {
  lines: InvoiceLine[];
  total_cents: number;
}

/**
 * Pure: a statement's invoice lines, in integer cents.
 *
 * Proration (a plan change mid-period): each plan's monthly fee and included minutes count for
 * the share of the month it was in force, in local calendar days of the tenant's zone (10 days
 * of a 30-day month = 1/3, DST or not), each part rounded to the cent (or minute). Overage minutes
 * (billable minutes beyond the prorated included ones) and SMS segments are charged at the
 * rates of the plan in force at the end of the billed time. Without any plan nothing is charged.
 *
 * Late usage of an earlier period is priced with that period's plan: the overage it adds on top
 * of what that period already billed, and its SMS segments at that period's rate.
 */
export function priceStatement(input: PricingInput): Priced {
  const { statement, planEvents } = input;
  const w = statement.window;
  const segments = planSegments(planEvents, w.from, input.billedTo);
  const lines: InvoiceLine[] = [];
  for (const s of segments) {
    const fee = prorate(s.plan.monthly_fee_cents, s, w);
    if (fee > 0) lines.push(line('monthly_fee', feeDescription(s, w), 1, fee));
  }
  const last = segments.at(-1)?.plan;
  if (last) {
    const overage = Math.max(0, statement.usage.billable_minutes - includedMinutes(segments, w));
    if (overage > 0) lines.push(line('overage_minutes', `Minutes beyond the included ones, ${w.period}`, overage, last.overage_cents_per_minute));
    if (statement.usage.sms_segments > 0) {
      lines.push(line('sms_segments', `SMS segments sent, ${w.period}`, statement.usage.sms_segments, last.sms_cents_per_segment));
    }
  }
  for (const adj of statement.adjustments) lines.push(...adjustmentLines(adj.period, adj.usage, input, w.zone));
  return { lines, total_cents: lines.reduce((sum, l) => sum + l.amount_cents, 0) };
}

function adjustmentLines(period: string, late: UsageCounts, input: PricingInput, zone: string): InvoiceLine[] {
  const w = periodWindow(period, zone);
  const segments = planSegments(input.planEvents, w.from, w.to);
  const plan: Plan | undefined = segments.at(-1)?.plan;
  if (!plan) return [];
  const included = includedMinutes(segments, w);
  const before = input.billedMinutes(period);
  const extra = Math.max(0, before + late.billable_minutes - included) - Math.max(0, before - included);
  const out: InvoiceLine[] = [];
  if (extra > 0) out.push(line('adjustment_minutes', `Late call records from ${period}: minutes beyond the included ones`, extra, plan.overage_cents_per_minute));
  if (late.sms_segments > 0) out.push(line('adjustment_sms', `Late SMS records from ${period}`, late.sms_segments, plan.sms_cents_per_segment));
  return out;
}

function includedMinutes(segments: readonly PlanSegment[], w: PeriodWindow): number {
  return segments.reduce((n, s) => n + prorate(s.plan.included_minutes, s, w), 0);
}

/**
 * `amount` × the share of the period the segment covers, rounded to a whole unit. Measured in
 * local calendar days (fractional), so every day of the month weighs the same, DST day or not.
 */
function prorate(amount: number, s: PlanSegment, w: PeriodWindow): number {
  const local = (d: Date) => DateTime.fromJSDate(d, { zone: w.zone });
  const days = local(s.to).diff(local(s.from), 'days').days;
  const month = local(w.to).diff(local(w.from), 'days').days;
  return Math.round((amount * days) / month);
}

function feeDescription(s: PlanSegment, w: PeriodWindow): string {
  const whole = s.from.getTime() === w.from.getTime() && s.to.getTime() === w.to.getTime();
  if (whole) return `Monthly fee, ${w.period}`;
  const day = (d: Date) => DateTime.fromJSDate(d, { zone: w.zone }).toFormat('yyyy-MM-dd HH:mm');
  return `Monthly fee, ${w.period}, prorated ${day(s.from)} to ${day(s.to)}`;
}

function line(kind: InvoiceLine['kind'], description: string, quantity: number, unitCents: number): InvoiceLine {
  return { kind, description, quantity, unit_cents: unitCents, amount_cents: quantity * unitCents };
}
