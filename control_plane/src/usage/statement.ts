import { meter, type UsageCounts } from './metering.js';
import { periodOf, type PeriodWindow } from './period.js';
import type { UsageEvent } from './ports.js';

/** A statement already closed for the tenant: the events it billed were recorded up to `cutoffAt`. */
export interface ClosedStatement {
  period: string;
  cutoffAt: Date;
}

export interface StatementInput {
  window: PeriodWindow;
  /** Events recorded after this instant are not on this statement. */
  cutoffAt: Date;
  /** The tenant's statements closed before this one (smaller cutoffs); order does not matter. */
  earlier: readonly ClosedStatement[];
  /** Candidate events (see `lateEventBounds`); others are ignored. */
  events: readonly UsageEvent[];
}

export interface Statement {
  window: PeriodWindow;
  cutoffAt: Date;
  /** The period's own events, recorded by the cutoff. */
  usage: UsageCounts;
  /** Events of earlier periods that no earlier statement billed (recorded too late), by period. */
  adjustments: { period: string; usage: UsageCounts }[];
}

/**
 * Pure: which events a statement bills. An event belongs to the first statement (in close order)
 * whose period is its own or later and whose cutoff is at or after its recording: its own
 * period's when it was recorded in time, else an adjustment on the next statement that closes.
 * So a late status callback is billed once, never lost, and a rebuild with the same cutoffs
 * gives the same numbers.
 */
export function buildStatement(input: StatementInput): Statement {
  const { window, cutoffAt } = input;
  const own: UsageEvent[] = [];
  const late = new Map<string, UsageEvent[]>();
  for (const e of input.events) {
    if (e.recordedAt > cutoffAt || e.occurredAt >= window.to) continue;
    const period = periodOf(e.occurredAt, window.zone);
    if (input.earlier.some((s) => s.period >= period && s.cutoffAt >= e.recordedAt)) continue;
    if (e.occurredAt >= window.from) own.push(e);
    else {
      const list = late.get(period) ?? [];
      list.push(e);
      late.set(period, list);
    }
  }
  const adjustments = [...late.keys()].sort().map((period) => ({ period, usage: meter(late.get(period)!) }));
  return { window, cutoffAt, usage: meter(own), adjustments };
}

/**
 * How far back a statement must read older events: when the previous period was closed, only
 * events recorded after its cutoff can still be unbilled (it covered every earlier period);
 * otherwise every older event may be.
 */
export function lateEventBounds(window: PeriodWindow, earlier: readonly ClosedStatement[]): { recordedAfter?: Date } {
  const previous = periodOf(new Date(window.from.getTime() - 1), window.zone);
  const closed = earlier.filter((s) => s.period === previous);
  if (closed.length === 0) return {};
  return { recordedAfter: closed.reduce((a, b) => (a.cutoffAt < b.cutoffAt ? a : b)).cutoffAt };
}
