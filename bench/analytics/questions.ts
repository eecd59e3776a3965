/** The ten questions owners ask most (by the examples), as QuerySpecs. */
const count = (as: string) => ({ fn: 'count', field: null, as });
const sum = (field: string, as: string) => ({ fn: 'sum', field, as });
const range = (field: string, preset: string) => ({ field, preset, from: null, to: null });
const base = { metrics: [], group_by: [], filters: [], time_range: null, order_by: [], limit: 100 };

export const TOP_QUESTIONS: Array<[string, Record<string, unknown>]> = [
  ['orders today', { ...base, subject: 'orders', metrics: [count('orders')], time_range: range('created_at', 'today') }],
  ['revenue this week', { ...base, subject: 'orders', metrics: [sum('total_cents', 'revenue_cents')], time_range: range('created_at', 'this_week') }],
  ['revenue by day, last 7 days', { ...base, subject: 'orders', metrics: [count('orders'), sum('total_cents', 'revenue_cents')], group_by: [{ field: 'created_at', grain: 'day' }], time_range: range('created_at', 'last_7_days') }],
  ['top 5 items last 30 days', { ...base, subject: 'order_items', metrics: [sum('quantity', 'qty')], group_by: [{ field: 'item_name', grain: null }], time_range: range('created_at', 'last_30_days'), order_by: [{ key: 'qty', dir: 'desc' }], limit: 5 }],
  ['average order value this month', { ...base, subject: 'orders', metrics: [{ fn: 'avg', field: 'total_cents', as: 'avg_cents' }], time_range: range('created_at', 'this_month') }],
  ['cancelled orders last month', { ...base, subject: 'orders', metrics: [count('cancelled')], filters: [{ field: 'status', op: 'eq', value: 'cancelled' }], time_range: range('created_at', 'last_month') }],
  ['busiest hour of day, last 30 days', { ...base, subject: 'orders', metrics: [count('orders')], group_by: [{ field: 'created_at', grain: 'hour_of_day' }], time_range: range('created_at', 'last_30_days'), order_by: [{ key: 'orders', dir: 'desc' }], limit: 3 }],
  ['missed calls this week', { ...base, subject: 'calls', metrics: [count('missed')], filters: [{ field: 'missed', op: 'eq', value: true }], time_range: range('started_at', 'this_week') }],
  ['appointments by service this month', { ...base, subject: 'appointments', metrics: [count('appointments')], group_by: [{ field: 'service', grain: null }], time_range: range('starts_at', 'this_month') }],
  ['revenue by month this year', { ...base, subject: 'orders', metrics: [sum('total_cents', 'revenue_cents')], group_by: [{ field: 'created_at', grain: 'month' }], time_range: range('created_at', 'this_year') }],
];
