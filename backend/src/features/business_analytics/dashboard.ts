import { DashboardQuery, dashboardSpecs, type Dashboard, type DashboardDay, type DashboardFigure } from '@vozlia/contract';
import type { FastifyPluginAsync } from 'fastify';
import { DateTime } from 'luxon';
import { parseRequest } from '../kit/parse-request.js';
import { tenantOf } from '../kit/tenant-route.js';
import type { FeaturePorts } from '../types.js';

const ZERO: Omit<DashboardDay, 'date'> = { calls: 0, orders: 0, revenue_cents: 0, appointments: 0, missed_calls: 0 };

/** The `days` calendar days ending today in `zone`: the window `[from, to)` and each day's date, oldest first. */
export function dashboardWindow(now: Date, zone: string, days: number): { from: string; to: string; dates: string[] } {
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const first = today.minus({ days: days - 1 });
  const dates = Array.from({ length: days }, (_, i) => first.plus({ days: i }).toISODate()!);
  return { from: first.toISODate()!, to: today.plus({ days: 1 }).toISODate()!, dates };
}

/**
 * `GET dashboard?days=` (contract `Dashboard`): the owner's Today page, computed by running exactly
 * the contract's `dashboardSpecs` (unaudited: a page view is not a question), so the page, a
 * `POST query` with the same spec and a spoken answer agree. Owner and staff.
 */
export const dashboardRoutes: FastifyPluginAsync<{ ports: FeaturePorts }> = async (app, { ports }) => {
  app.get('/dashboard', async (req) => {
    const tenant = await tenantOf(ports, req);
    const { days } = parseRequest(DashboardQuery, req.query);
    const zone = tenant.timeZone;
    const window = dashboardWindow(ports.clock(), zone, days);
    const byDate = new Map(window.dates.map((date) => [date, { date, ...ZERO } as DashboardDay]));
    for (const { spec, figures } of dashboardSpecs(window.from, window.to)) {
      const result = await ports.analytics.run({ tenantId: tenant.id, timeZone: zone, actorMode: 'owner', source: 'portal', spec, audit: false });
      if (!result.ok) throw new Error(`dashboard spec for ${Object.keys(figures).join(', ')} failed: ${result.error}`);
      // The day column is the one that is no metric (named by the engine, e.g. `created_at_day`).
      const metrics = new Set(Object.values(figures));
      const bucket = result.columns.find((c) => !metrics.has(c)) ?? '';
      for (const row of result.rows) {
        const date = DateTime.fromISO(String(row[bucket]), { zone }).toISODate();
        const day = date ? byDate.get(date) : undefined;
        if (!day) continue;
        for (const [figure, as] of Object.entries(figures) as [DashboardFigure, string][]) day[figure] = Number(row[as] ?? 0);
      }
    }
    return { time_zone: zone, today: window.dates.at(-1)!, days: [...byDate.values()], generated_at: ports.clock().toISOString() } satisfies Dashboard;
  });
};
