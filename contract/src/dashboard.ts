import { z } from 'zod';
import type { QuerySpecInput } from './query-spec.js';
import { Cents, Count, IsoDate, IsoInstant } from './scalars.js';

/**
 * The owner's "Today" page: `GET /api/tenants/:tenant_id/dashboard?days=30` → `Dashboard`.
 * Each figure is defined by a QuerySpec (`dashboardSpecs`): the server computes the days by
 * running exactly these specs (not audited: a page view is not a question), so the page, a
 * `POST query` with the same spec and a spoken answer always agree.
 */
export const DASHBOARD_DAYS_DEFAULT = 30;
export const DASHBOARD_DAYS_MAX = 90;

export const DashboardQuery = z.object({ days: z.coerce.number().int().min(1).max(DASHBOARD_DAYS_MAX).default(DASHBOARD_DAYS_DEFAULT) });
export type DashboardQuery = z.input<typeof DashboardQuery>;

export const DashboardFigures = z.object({
  /** Every call to the business, served or not. */
  calls: Count,
  /** Orders placed that day, cancelled ones left out. */
  orders: Count,
  /** Their total. */
  revenue_cents: Cents,
  /** Appointments starting that day, cancelled ones left out. */
  appointments: Count,
  /** Calls that never reached the assistant or hung up before being served. */
  missed_calls: Count,
});
export type DashboardFigures = z.infer<typeof DashboardFigures>;
export type DashboardFigure = keyof DashboardFigures;

export const DashboardDay = DashboardFigures.extend({ date: IsoDate });
export type DashboardDay = z.infer<typeof DashboardDay>;

export const Dashboard = z.object({
  time_zone: z.string(),
  /** The tenant's today, the last entry of `days`. */
  today: IsoDate,
  /** One entry per day, oldest first, days with nothing included (zeros). */
  days: z.array(DashboardDay),
  generated_at: IsoInstant,
});
export type Dashboard = z.infer<typeof Dashboard>;

/** The runs behind the figures: which metric `as` of which spec fills each figure. */
export type DashboardSpec = { spec: QuerySpecInput; figures: Partial<Record<DashboardFigure, string>> };

/**
 * The specs behind `days`, for the window `[from, to)` of whole days in the tenant's zone.
 * Each groups by day, so a row's bucket is the day's start in that zone.
 */
export function dashboardSpecs(from: string, to: string): DashboardSpec[] {
  const perDay = (subject: string, field: string, filters: QuerySpecInput['filters'], metrics: NonNullable<QuerySpecInput['metrics']>): QuerySpecInput => ({
    subject,
    metrics,
    group_by: [{ field, grain: 'day' }],
    filters,
    time_range: { field, preset: null, from, to },
    order_by: [{ key: field, dir: 'asc' }],
    limit: DASHBOARD_DAYS_MAX + 1,
  });
  const count = (as: string) => ({ fn: 'count' as const, field: null, as });
  const notCancelled = [{ field: 'status', op: 'neq' as const, value: 'cancelled' }];
  return [
    { spec: perDay('calls', 'started_at', [], [count('calls')]), figures: { calls: 'calls' } },
    { spec: perDay('calls', 'started_at', [{ field: 'missed', op: 'eq', value: true }], [count('missed_calls')]), figures: { missed_calls: 'missed_calls' } },
    {
      spec: perDay('orders', 'created_at', notCancelled, [count('orders'), { fn: 'sum', field: 'total_cents', as: 'revenue_cents' }]),
      figures: { orders: 'orders', revenue_cents: 'revenue_cents' },
    },
    { spec: perDay('appointments', 'starts_at', notCancelled, [count('appointments')]), figures: { appointments: 'appointments' } },
  ];
}
