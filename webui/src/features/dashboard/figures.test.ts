import { describe, expect, it } from 'vitest';
import type { Dashboard } from '@vozlia/contract';
import { figureSeries } from './figures';

const day = (date: string, orders: number) => ({ date, calls: orders * 2, orders, revenue_cents: orders * 1000, appointments: 0, missed_calls: 0 });
const dashboard: Dashboard = { time_zone: 'America/New_York', today: '2026-12-01', generated_at: '2026-12-01T22:00:00Z', days: [day('2026-11-29', 3), day('2026-11-30', 0), day('2026-12-01', 4)] };

describe('figureSeries', () => {
  it("gives today's value, the window's total and one point per day", () => {
    expect(figureSeries(dashboard, 'orders')).toEqual({
      today: 4,
      total: 7,
      points: [
        { date: '2026-11-29', value: 3 },
        { date: '2026-11-30', value: 0 },
        { date: '2026-12-01', value: 4 },
      ],
    });
    expect(figureSeries(dashboard, 'revenue_cents').total).toBe(7000);
  });

  it('reads zero for today when the server has no entry for it yet', () => {
    expect(figureSeries({ ...dashboard, today: '2026-12-02' }, 'calls').today).toBe(0);
  });
});
