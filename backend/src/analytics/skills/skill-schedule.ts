import { CronExpressionParser } from 'cron-parser';

export const SKILL_RUN_QUEUE = 'business_analytics.skill_run';
/** A schedule firing more often than this is refused (reports, not polling). */
export const MIN_SCHEDULE_INTERVAL_MS = 60 * 60 * 1000;

export type ScheduleCheck = { ok: true } | { ok: false; error: string };

/** Five-field cron only; at most hourly. */
export function checkSchedule(expr: string, timeZone: string, now: Date): ScheduleCheck {
  if (expr.trim().split(/\s+/).length !== 5) return { ok: false, error: 'schedule must be a five-field cron expression, like "0 8 * * 1" (Mondays at 8:00)' };
  try {
    const it = CronExpressionParser.parse(expr, { currentDate: now, tz: timeZone });
    const a = it.next().getTime();
    const b = it.next().getTime();
    if (b - a < MIN_SCHEDULE_INTERVAL_MS) return { ok: false, error: 'schedule may run at most once an hour' };
    return { ok: true };
  } catch (err) {
    return { ok: false, error: `schedule is not a valid cron expression: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** The first slot strictly after `after`, in the tenant's zone (DST handled by cron-parser). */
export function nextSlot(expr: string, timeZone: string, after: Date): Date {
  return CronExpressionParser.parse(expr, { currentDate: after, tz: timeZone }).next().toDate();
}

export const slotDedupeKey = (skillId: string, slot: Date) => `skill:${skillId}:${slot.toISOString()}`;
