import { DateTime } from 'luxon';

/** A calendar month in a tenant's zone, as instants: from inclusive, to exclusive. */
export interface PeriodWindow {
  period: string;
  zone: string;
  from: Date;
  to: Date;
}

const PERIOD_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The month's bounds in `zone`; midnight to midnight local time, so DST months come out right. */
export function periodWindow(period: string, zone: string): PeriodWindow {
  const m = PERIOD_RE.exec(period);
  if (!m) throw new RangeError(`not a period (YYYY-MM): ${period}`);
  const start = DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: 1 }, { zone });
  if (!start.isValid) throw new RangeError(`unknown time zone: ${zone}`);
  return { period, zone, from: start.toJSDate(), to: start.plus({ months: 1 }).toJSDate() };
}

/** The period an instant falls in, in `zone`. */
export function periodOf(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat('yyyy-MM');
}

export function nextPeriod(period: string): string {
  return DateTime.fromFormat(period, 'yyyy-MM', { zone: 'UTC' }).plus({ months: 1 }).toFormat('yyyy-MM');
}
