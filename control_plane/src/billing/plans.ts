import type { Plan } from '@vozlia/contract';
import type { UsageEvent } from '../usage/ports.js';
import { PLAN_SET, PlanSetPayload } from './billing-events.js';

export type { Plan };

/** A plan in force over [from, to). */
export interface PlanSegment {
  plan: Plan;
  from: Date;
  to: Date;
}

/**
 * Pure: the plans in force over [from, to), from `billing.plan_set` events (each effective at its
 * occurredAt until the next one). Time before the first plan has none: billing starts with it.
 * Events that fail to parse are skipped (a recorded fact is never refused).
 */
export function planSegments(events: readonly UsageEvent[], from: Date, to: Date): PlanSegment[] {
  const plans = events
    .filter((e) => e.type === PLAN_SET)
    .flatMap((e) => {
      const p = PlanSetPayload.safeParse(e.payload);
      return p.success ? [{ at: e.occurredAt, recordedAt: e.recordedAt, plan: stripEffective(p.data) }] : [];
    })
    // Stable on ties: the later recorded wins the same instant.
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.recordedAt.getTime() - b.recordedAt.getTime());
  const out: PlanSegment[] = [];
  plans.forEach((p, i) => {
    const start = new Date(Math.max(p.at.getTime(), from.getTime()));
    const next = plans[i + 1]?.at ?? to;
    const end = new Date(Math.min(next.getTime(), to.getTime()));
    if (end > start) out.push({ plan: p.plan, from: start, to: end });
  });
  return out;
}

function stripEffective(p: PlanSetPayload): Plan {
  return {
    monthly_fee_cents: p.monthly_fee_cents,
    included_minutes: p.included_minutes,
    overage_cents_per_minute: p.overage_cents_per_minute,
    sms_cents_per_segment: p.sms_cents_per_segment,
  };
}
