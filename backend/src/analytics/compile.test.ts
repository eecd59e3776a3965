import { describe, expect, it } from 'vitest';
import { compile, escapeLike } from './compile.js';
import { QuerySpecSchema, type QuerySpec } from './query-spec.js';
import { testCatalog } from '../testing/analytics/test-catalog.js';

const NOW = new Date('2026-11-04T15:00:00Z');
const ZONE = 'America/New_York';
const catalog = testCatalog();
const spec = (s: Record<string, unknown>): QuerySpec => QuerySpecSchema.parse(s);
const ok = (s: Record<string, unknown>) => {
  const r = compile(spec(s), catalog, 'acme', NOW, ZONE);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.query;
};
const errors = (s: Record<string, unknown>) => {
  const r = compile(spec(s), catalog, 'acme', NOW, ZONE);
  if (r.ok) throw new Error('expected a validation error');
  return r.errors.join('; ');
};
const count = { fn: 'count', field: null, as: 'n' };

describe('compile', () => {
  it('is deterministic and puts the tenant first as $1', () => {
    const s = { subject: 'orders', metrics: [count], filters: [{ field: 'status', op: 'eq', value: 'placed' }], time_range: { field: 'created_at', preset: 'last_7_days', from: null, to: null } };
    const a = ok(s);
    const b = ok(s);
    expect(a.sql).toBe(b.sql);
    expect(a.parameters).toEqual(b.parameters);
    expect(a.sql).toMatch(/^with "scope" as \(select \* from "analytics"\."orders" where "tenant_id" = \$1 /);
    expect(a.parameters[0]).toBe('acme');
  });

  it('never puts a value in the SQL text', () => {
    const q = ok({ subject: 'orders', metrics: [count], filters: [{ field: 'customer_name', op: 'eq', value: "x'); drop table orders; --" }, { field: 'status', op: 'in', value: ['a;b', 'c"d'] }] });
    expect(q.sql).not.toMatch(/drop|a;b|c"d/);
    expect(q.parameters).toContain("x'); drop table orders; --");
  });

  it('fetches limit+1 rows', () => {
    const q = ok({ subject: 'orders', metrics: [count], limit: 7 });
    expect(q.parameters.at(-1)).toBe(8);
    expect(q.limit).toBe(7);
  });

  it('escapes LIKE wildcards for contains', () => {
    expect(escapeLike('100%_\\x')).toBe('100\\%\\_\\\\x');
    const q = ok({ subject: 'orders', metrics: [count], filters: [{ field: 'customer_name', op: 'contains', value: '50%' }] });
    expect(q.parameters).toContain('%50\\%%');
    expect(q.sql).toContain(`ilike $2 escape '\\'`);
  });

  it('resolves presets in the tenant zone across the DST change', () => {
    const q = ok({ subject: 'orders', metrics: [count], time_range: { field: 'created_at', preset: 'last_week', from: null, to: null } });
    expect(q.parameters.slice(1, 3)).toEqual(['2026-10-26T04:00:00.000Z', '2026-11-02T05:00:00.000Z']);
    expect(q.window?.from?.toISO()).toBe('2026-10-26T00:00:00.000-04:00');
  });

  it('rejects with words a model can act on', () => {
    expect(errors({ subject: 'pg_authid', metrics: [count] })).toMatch(/unknown subject "pg_authid"; the subjects are: appointments, calls, order_items, orders/);
    expect(errors({ subject: 'orders', metrics: [{ fn: 'sum', field: 'status', as: 'x' }] })).toMatch(/sum needs a number field, but status is text/);
    expect(errors({ subject: 'orders', metrics: [{ fn: 'sum', field: 'tenant_id', as: 'x' }] })).toMatch(/"tenant_id" is not a field of orders; its fields are: /);
    expect(errors({ subject: 'orders', metrics: [count], group_by: [{ field: 'status', grain: 'day' }] })).toMatch(/grain "day" only applies to timestamp fields/);
    expect(errors({ subject: 'orders', metrics: [count], filters: [{ field: 'total_cents', op: 'contains', value: '5' }] })).toMatch(/contains only applies to text fields/);
    expect(errors({ subject: 'orders', metrics: [count], filters: [{ field: 'total_cents', op: 'gt', value: 'ten' }] })).toMatch(/total_cents is a number; give a number/);
    expect(errors({ subject: 'orders', metrics: [count], order_by: [{ key: 'revenue', dir: 'desc' }] })).toMatch(/"revenue" is neither a metric's "as" nor a group_by field; use one of: n/);
    expect(errors({ subject: 'orders', metrics: [count], time_range: { field: 'status', preset: 'today', from: null, to: null } })).toMatch(/a time range needs a timestamp field/);
    expect(errors({ subject: 'orders', metrics: [count], time_range: { field: 'created_at', preset: 'today', from: '2026-01-01', to: null } })).toMatch(/either a preset or from\/to/);
    expect(errors({ subject: 'orders', metrics: [count], filters: [{ field: 'status', op: 'in', value: Array.from({ length: 101 }, (_, i) => String(i)) }] })).toMatch(/at most 100 values/);
    expect(errors({ subject: 'orders', metrics: [count, count] })).toMatch(/used twice/);
    expect(errors({ subject: 'orders' })).toMatch(/give at least one metric/);
    expect(errors({ subject: 'orders', metrics: [count], group_by: [{ field: 'created_at', grain: 'hour' }] })).toMatch(/hourly series needs a time_range of at most 93 days/);
  });

  it('refuses an out-of-range limit at parse time', () => {
    const r = QuerySpecSchema.safeParse({ subject: 'orders', metrics: [count], limit: 501 });
    expect(r.success).toBe(false);
  });
});

describe('SQL snapshots', () => {
  const tr = (preset: string) => ({ field: 'created_at', preset, from: null, to: null });
  const cases: Array<[string, Record<string, unknown>]> = [
    ['count today', { subject: 'orders', metrics: [count], time_range: tr('today') }],
    ['revenue by day last 7 days', { subject: 'orders', metrics: [count, { fn: 'sum', field: 'total_cents', as: 'revenue_cents' }], group_by: [{ field: 'created_at', grain: 'day' }], time_range: tr('last_7_days'), order_by: [{ key: 'revenue_cents', dir: 'desc' }], limit: 10 }],
    ['top items', { subject: 'order_items', metrics: [{ fn: 'sum', field: 'quantity', as: 'qty' }], group_by: [{ field: 'item_name', grain: null }], order_by: [{ key: 'qty', dir: 'desc' }], limit: 5 }],
    ['hour of day', { subject: 'orders', metrics: [count], group_by: [{ field: 'created_at', grain: 'hour_of_day' }] }],
    ['day of week', { subject: 'orders', metrics: [count], group_by: [{ field: 'created_at', grain: 'day_of_week' }] }],
    ['by week', { subject: 'orders', metrics: [count], group_by: [{ field: 'created_at', grain: 'week' }], time_range: tr('last_30_days') }],
    ['by month and quarter', { subject: 'orders', metrics: [count], group_by: [{ field: 'created_at', grain: 'month' }, { field: 'created_at', grain: 'quarter' }], time_range: tr('this_year') }],
    ['average with neq', { subject: 'orders', metrics: [{ fn: 'avg', field: 'total_cents', as: 'avg_cents' }], filters: [{ field: 'status', op: 'neq', value: 'cancelled' }] }],
    ['not in + null checks', { subject: 'orders', metrics: [count], filters: [{ field: 'fulfillment', op: 'not_in', value: ['pickup'] }, { field: 'customer_name', op: 'is_not_null', value: null }] }],
    ['timestamp filter', { subject: 'orders', metrics: [{ fn: 'max', field: 'created_at', as: 'last_at' }], filters: [{ field: 'requested_for', op: 'gte', value: '2026-11-01T18:00' }] }],
    ['missed calls boolean', { subject: 'calls', metrics: [count], filters: [{ field: 'missed', op: 'eq', value: true }], time_range: { field: 'started_at', preset: 'this_month', from: null, to: null } }],
    ['distinct listing', { subject: 'appointments', group_by: [{ field: 'service', grain: null }, { field: 'status', grain: null }] }],
    ['explicit range count distinct', { subject: 'appointments', metrics: [{ fn: 'count_distinct', field: 'service', as: 'services' }], time_range: { field: 'starts_at', preset: null, from: '2026-10-01', to: '2026-11-01' } }],
  ];
  it.each(cases)('%s', (_name, s) => {
    const q = ok(s);
    expect({ sql: q.sql, parameters: q.parameters }).toMatchSnapshot();
  });
});
