/** Owner questions as QuerySpecs over the fixtures; answers come from reference-eval.ts. */
type Partial = {
  subject: string;
  metrics?: { fn: string; field: string | null; as: string }[];
  group_by?: { field: string; grain: string | null }[];
  filters?: { field: string; op: string; value: unknown }[];
  time_range?: { field: string; preset: string | null; from: string | null; to: string | null } | null;
  order_by?: { key: string; dir: 'asc' | 'desc' }[];
  limit?: number | null;
};
export interface CorpusEntry {
  question: string;
  spec: Required<Partial>;
}

const spec = (p: Partial): Required<Partial> => ({
  metrics: [],
  group_by: [],
  filters: [],
  time_range: null,
  order_by: [],
  limit: 100,
  ...p,
});
const preset = (field: string, p: string) => ({ field, preset: p, from: null, to: null });
const between = (field: string, from: string | null, to: string | null) => ({ field, preset: null, from, to });
const count = (as = 'count') => ({ fn: 'count', field: null, as });
const sum = (field: string, as: string) => ({ fn: 'sum', field, as });

export const CORRECTNESS_CORPUS: CorpusEntry[] = [
  { question: 'How many orders today?', spec: spec({ subject: 'orders', metrics: [count('orders')], time_range: preset('created_at', 'today') }) },
  { question: 'How many orders yesterday?', spec: spec({ subject: 'orders', metrics: [count('orders')], time_range: preset('created_at', 'yesterday') }) },
  { question: 'Revenue this week?', spec: spec({ subject: 'orders', metrics: [sum('total_cents', 'revenue_cents')], time_range: preset('created_at', 'this_week') }) },
  { question: 'Revenue last week (the DST week)?', spec: spec({ subject: 'orders', metrics: [sum('total_cents', 'revenue_cents')], time_range: preset('created_at', 'last_week') }) },
  { question: 'Orders per day over the last 7 days (month turn and DST)', spec: spec({ subject: 'orders', metrics: [count('orders'), sum('total_cents', 'revenue_cents')], group_by: [{ field: 'created_at', grain: 'day' }], time_range: preset('created_at', 'last_7_days') }) },
  { question: 'Orders per hour on the DST day', spec: spec({ subject: 'orders', metrics: [count('orders')], group_by: [{ field: 'created_at', grain: 'hour' }], time_range: between('created_at', '2026-11-01', '2026-11-02') }) },
  { question: 'Orders in the last 30 days', spec: spec({ subject: 'orders', metrics: [count('orders')], time_range: preset('created_at', 'last_30_days') }) },
  { question: 'Revenue this month', spec: spec({ subject: 'orders', metrics: [sum('total_cents', 'revenue_cents'), count('orders')], time_range: preset('created_at', 'this_month') }) },
  { question: 'Revenue last month', spec: spec({ subject: 'orders', metrics: [sum('total_cents', 'revenue_cents')], time_range: preset('created_at', 'last_month') }) },
  { question: 'Revenue this year by month', spec: spec({ subject: 'orders', metrics: [sum('total_cents', 'revenue_cents')], group_by: [{ field: 'created_at', grain: 'month' }], time_range: preset('created_at', 'this_year') }) },
  { question: 'Orders by quarter', spec: spec({ subject: 'orders', metrics: [count('orders')], group_by: [{ field: 'created_at', grain: 'quarter' }], time_range: preset('created_at', 'all_time') }) },
  { question: 'Orders by year', spec: spec({ subject: 'orders', metrics: [count('orders')], group_by: [{ field: 'created_at', grain: 'year' }] }) },
  { question: 'Orders by week over the last 30 days', spec: spec({ subject: 'orders', metrics: [count('orders')], group_by: [{ field: 'created_at', grain: 'week' }], time_range: preset('created_at', 'last_30_days') }) },
  { question: 'Busiest day of the week', spec: spec({ subject: 'orders', metrics: [count('orders')], group_by: [{ field: 'created_at', grain: 'day_of_week' }], order_by: [{ key: 'orders', dir: 'desc' }], limit: 1 }) },
  { question: 'Orders by hour of day last month', spec: spec({ subject: 'orders', metrics: [count('orders')], group_by: [{ field: 'created_at', grain: 'hour_of_day' }], time_range: preset('created_at', 'last_month') }) },
  { question: 'Average order value this month', spec: spec({ subject: 'orders', metrics: [{ fn: 'avg', field: 'total_cents', as: 'avg_cents' }], time_range: preset('created_at', 'this_month') }) },
  { question: 'Largest and smallest order ever', spec: spec({ subject: 'orders', metrics: [{ fn: 'max', field: 'total_cents', as: 'largest' }, { fn: 'min', field: 'total_cents', as: 'smallest' }] }) },
  { question: 'When was the last order?', spec: spec({ subject: 'orders', metrics: [{ fn: 'max', field: 'created_at', as: 'last_order_at' }] }) },
  { question: 'Cancelled orders last 30 days', spec: spec({ subject: 'orders', metrics: [count('cancelled')], filters: [{ field: 'status', op: 'eq', value: 'cancelled' }], time_range: preset('created_at', 'last_30_days') }) },
  { question: 'Orders by status', spec: spec({ subject: 'orders', metrics: [count('orders')], group_by: [{ field: 'status', grain: null }] }) },
  { question: 'Delivery vs pickup revenue this month', spec: spec({ subject: 'orders', metrics: [sum('total_cents', 'revenue_cents'), count('orders')], group_by: [{ field: 'fulfillment', grain: null }], time_range: preset('created_at', 'this_month') }) },
  { question: 'Orders not cancelled (neq)', spec: spec({ subject: 'orders', metrics: [count('orders')], filters: [{ field: 'status', op: 'neq', value: 'cancelled' }] }) },
  { question: 'Orders placed or completed (in)', spec: spec({ subject: 'orders', metrics: [count('orders')], filters: [{ field: 'status', op: 'in', value: ['placed', 'completed'] }] }) },
  { question: 'Orders not from the portal (not_in)', spec: spec({ subject: 'orders', metrics: [count('orders')], filters: [{ field: 'source', op: 'not_in', value: ['portal'] }] }) },
  { question: 'Orders over $50', spec: spec({ subject: 'orders', metrics: [count('orders')], filters: [{ field: 'total_cents', op: 'gt', value: 5000 }] }) },
  { question: 'Orders of at most 2 items', spec: spec({ subject: 'orders', metrics: [count('orders')], filters: [{ field: 'item_count', op: 'lte', value: 2 }] }) },
  { question: 'Orders with no customer name', spec: spec({ subject: 'orders', metrics: [count('orders')], filters: [{ field: 'customer_name', op: 'is_null', value: null }] }) },
  { question: 'Orders with a requested time', spec: spec({ subject: 'orders', metrics: [count('orders')], filters: [{ field: 'requested_for', op: 'is_not_null', value: null }] }) },
  { question: "Orders from customers named like o'brien", spec: spec({ subject: 'orders', metrics: [count('orders')], filters: [{ field: 'customer_name', op: 'contains', value: "o'brien; drop" }] }) },
  { question: 'Orders since Oct 30 evening (timestamp filter)', spec: spec({ subject: 'orders', metrics: [count('orders')], filters: [{ field: 'created_at', op: 'gte', value: '2026-10-30T18:00' }] }) },
  { question: 'Distinct customers this month', spec: spec({ subject: 'orders', metrics: [{ fn: 'count_distinct', field: 'customer_name', as: 'customers' }], time_range: preset('created_at', 'this_month') }) },
  { question: 'Top 3 items by quantity last 30 days', spec: spec({ subject: 'order_items', metrics: [sum('quantity', 'qty')], group_by: [{ field: 'item_name', grain: null }], time_range: preset('created_at', 'last_30_days'), order_by: [{ key: 'qty', dir: 'desc' }], limit: 3 }) },
  { question: 'Revenue by category', spec: spec({ subject: 'order_items', metrics: [sum('line_total_cents', 'revenue_cents')], group_by: [{ field: 'category', grain: null }], order_by: [{ key: 'revenue_cents', dir: 'desc' }] }) },
  { question: 'How many specials sold (contains with % and _)', spec: spec({ subject: 'order_items', metrics: [sum('quantity', 'qty')], filters: [{ field: 'item_name', op: 'contains', value: '100% special_' }] }) },
  { question: 'Items with options', spec: spec({ subject: 'order_items', metrics: [count('lines')], filters: [{ field: 'options', op: 'contains', value: 'cheese' }] }) },
  { question: 'Item sales per day last week by item', spec: spec({ subject: 'order_items', metrics: [sum('quantity', 'qty')], group_by: [{ field: 'created_at', grain: 'day' }, { field: 'item_name', grain: null }], time_range: preset('created_at', 'last_week') }) },
  { question: 'Appointments this week', spec: spec({ subject: 'appointments', metrics: [count('appointments')], time_range: preset('starts_at', 'this_week') }) },
  { question: 'No-shows last month', spec: spec({ subject: 'appointments', metrics: [count('no_shows')], filters: [{ field: 'status', op: 'eq', value: 'no_show' }], time_range: preset('starts_at', 'last_month') }) },
  { question: 'Appointments by service and staff', spec: spec({ subject: 'appointments', metrics: [count('appointments'), sum('price_cents', 'value_cents')], group_by: [{ field: 'service', grain: null }, { field: 'staff', grain: null }] }) },
  { question: 'Booked value by day this month', spec: spec({ subject: 'appointments', metrics: [sum('price_cents', 'value_cents')], group_by: [{ field: 'starts_at', grain: 'day' }], time_range: preset('starts_at', 'this_month') }) },
  { question: 'Average appointment length', spec: spec({ subject: 'appointments', metrics: [{ fn: 'avg', field: 'duration_minutes', as: 'avg_minutes' }] }) },
  { question: 'Missed calls last 7 days', spec: spec({ subject: 'calls', metrics: [count('missed_calls')], filters: [{ field: 'missed', op: 'eq', value: true }], time_range: preset('started_at', 'last_7_days') }) },
  { question: 'Calls per day yesterday and today (custom range)', spec: spec({ subject: 'calls', metrics: [count('calls')], group_by: [{ field: 'started_at', grain: 'day' }], time_range: between('started_at', '2026-11-03', '2026-11-05') }) },
  { question: 'Average call length this month', spec: spec({ subject: 'calls', metrics: [{ fn: 'avg', field: 'duration_seconds', as: 'avg_seconds' }, count('calls')], time_range: preset('started_at', 'this_month') }) },
  { question: 'Calls by missed reason', spec: spec({ subject: 'calls', metrics: [count('calls')], group_by: [{ field: 'missed_reason', grain: null }] }) },
  { question: 'Owner vs client calls', spec: spec({ subject: 'calls', metrics: [count('calls')], group_by: [{ field: 'actor_mode', grain: null }] }) },
  { question: 'Busiest hour for calls', spec: spec({ subject: 'calls', metrics: [count('calls')], group_by: [{ field: 'started_at', grain: 'hour_of_day' }], order_by: [{ key: 'calls', dir: 'desc' }], limit: 3 }) },
  { question: 'Notifications by channel and status', spec: spec({ subject: 'notifications', metrics: [count('notifications')], group_by: [{ field: 'channel', grain: null }, { field: 'status', grain: null }] }) },
  { question: 'Failed notifications last 30 days', spec: spec({ subject: 'notifications', metrics: [count('failed')], filters: [{ field: 'status', op: 'eq', value: 'failed' }], time_range: preset('created_at', 'last_30_days') }) },
  { question: 'Which statuses exist (group only)', spec: spec({ subject: 'appointments', group_by: [{ field: 'status', grain: null }] }) },
  { question: 'Orders in October, explicit dates', spec: spec({ subject: 'orders', metrics: [count('orders'), sum('total_cents', 'revenue_cents')], time_range: between('created_at', '2026-10-01', '2026-11-01') }) },
  { question: 'Orders since Nov 1 (open-ended)', spec: spec({ subject: 'orders', metrics: [count('orders')], time_range: between('created_at', '2026-11-01', null) }) },
  { question: 'Top 5 days by revenue, truncated', spec: spec({ subject: 'orders', metrics: [sum('total_cents', 'revenue_cents')], group_by: [{ field: 'created_at', grain: 'day' }], order_by: [{ key: 'revenue_cents', dir: 'desc' }], limit: 5 }) },
  { question: 'Orders around the spring DST change by hour', spec: spec({ subject: 'orders', metrics: [count('orders')], group_by: [{ field: 'created_at', grain: 'hour' }], time_range: between('created_at', '2026-03-07', '2026-03-09') }) },
];
