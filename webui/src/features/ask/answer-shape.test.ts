import { describe, expect, it } from 'vitest';
import { answerShape, columnLabel } from './answer-shape';

describe('answerShape', () => {
  it('shows a single figure as a number', () => {
    expect(answerShape({ columns: ['orders'], rows: [{ orders: 42 }] })).toEqual({ kind: 'number', column: 'orders', value: 42 });
  });

  it('charts figures over time buckets', () => {
    const rows = [
      { created_at: '2026-11-30T00:00:00.000-05:00', orders: 3, revenue_cents: 4500 },
      { created_at: '2026-12-01T00:00:00.000-05:00', orders: 5, revenue_cents: null },
    ];
    expect(answerShape({ columns: ['created_at', 'orders', 'revenue_cents'], rows })).toEqual({ kind: 'series', timeColumn: 'created_at', valueColumns: ['orders', 'revenue_cents'] });
  });

  it('falls back to a table for named groups and to empty for no rows', () => {
    expect(answerShape({ columns: ['item_name', 'sold'], rows: [{ item_name: 'Pizza', sold: 3 }, { item_name: 'Soup', sold: 1 }] }).kind).toBe('table');
    expect(answerShape({ columns: ['orders'], rows: [] }).kind).toBe('empty');
    expect(answerShape({ columns: ['created_at', 'orders'], rows: [{ created_at: '2026-12-01T00:00:00Z', orders: 1 }] }).kind).toBe('table');
  });

  it('labels columns in words', () => {
    expect(columnLabel('revenue_cents')).toBe('Revenue');
    expect(columnLabel('missed_calls')).toBe('Missed calls');
  });
});
