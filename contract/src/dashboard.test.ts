import { describe, expect, it } from 'vitest';
import { dashboardSpecs, DashboardFigures } from './dashboard.js';
import { QuerySpecSchema } from './query-spec.js';

describe('dashboard specs', () => {
  const specs = dashboardSpecs('2026-11-02', '2026-12-02');

  it('are valid QuerySpecs over the window, one row per day', () => {
    for (const { spec } of specs) {
      const parsed = QuerySpecSchema.parse(spec);
      expect(parsed.time_range).toMatchObject({ preset: null, from: '2026-11-02', to: '2026-12-02' });
      expect(parsed.group_by).toEqual([{ field: parsed.time_range!.field, grain: 'day' }]);
    }
  });

  it('fill every figure exactly once, from a metric the spec names', () => {
    const filled = specs.flatMap(({ spec, figures }) =>
      Object.entries(figures).map(([figure, as]) => {
        expect(spec.metrics?.map((m) => m.as)).toContain(as);
        return figure;
      }),
    );
    expect(filled.sort()).toEqual(Object.keys(DashboardFigures.shape).sort());
  });
});
