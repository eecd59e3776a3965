import { describe, expect, it } from 'vitest';
import { AskResult, QueryResult, SaveSkillRequest } from './analytics.js';

const success = {
  ok: true,
  columns: ['orders'],
  rows: [{ orders: 42 }],
  row_count: 1,
  truncated: false,
  audit_id: 'a1',
  window: { from: '2026-11-23T00:00:00.000-05:00', to: '2026-11-30T00:00:00.000-05:00', label: 'from Monday, November 23, 2026 to Sunday, November 29, 2026' },
  answer: 'From Monday…: orders 42.',
};

describe('analytics contract', () => {
  it('reads both sides of the §5 result', () => {
    expect(QueryResult.parse(success).ok).toBe(true);
    const failure = QueryResult.parse({ ok: false, reason: 'invalid', error: 'subject: unknown', fallback: "I'm not sure…", audit_id: 'a2', answer: "I'm not sure…" });
    expect(failure.ok ? null : failure.reason).toBe('invalid');
  });

  it('adds the spec and its SQL to an ask, with the spec defaults applied', () => {
    const asked = AskResult.parse({
      ...success,
      question: 'how many orders last week',
      spec: { subject: 'orders', metrics: [{ fn: 'count', field: null, as: 'orders' }], time_range: { field: 'created_at', preset: 'last_week', from: null, to: null } },
      sql: 'select count(*) as "orders" from analytics.orders where …',
      params: ['demo_restaurant'],
    });
    expect(asked.spec).toMatchObject({ group_by: [], filters: [], limit: 100 });
    expect(asked.sql).toContain('select');
  });

  it('checks a skill before it is sent: a name, a valid spec and a five-field schedule', () => {
    const spec = { subject: 'orders', metrics: [{ fn: 'count', field: null, as: 'orders' }] };
    expect(SaveSkillRequest.parse({ name: ' Weekly orders ', spec, schedule: '0 8 * * 1' })).toMatchObject({ name: 'Weekly orders', channel: 'portal' });
    expect(SaveSkillRequest.parse({ name: 'n', spec }).schedule).toBeNull();
    expect(SaveSkillRequest.safeParse({ name: 'n', spec, schedule: 'every monday' }).success).toBe(false);
    expect(SaveSkillRequest.safeParse({ name: '', spec }).success).toBe(false);
  });
});
