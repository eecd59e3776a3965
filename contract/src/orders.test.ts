import { describe, expect, it } from 'vitest';
import { Order, ORDER_TRANSITIONS, OrderList, OrderListQuery, OrderStatus, SetOrderStatusRequest } from './orders.js';

const order = {
  id: 'ord_1',
  status: 'placed',
  customer_name: 'Ana',
  customer_phone: '+15550101234',
  fulfillment: 'pickup',
  requested_for: null,
  delivery_address: null,
  notes: null,
  items: [{ name: 'Margherita', quantity: 2, unit_price_cents: 1200, options: null, line_total_cents: 2400 }],
  item_count: 2,
  subtotal_cents: 2400,
  tax_cents: 210,
  delivery_fee_cents: 0,
  total_cents: 2610,
  source: 'voice',
  call_sid: 'CA1',
  created_at: '2026-12-01T18:30:00.000Z',
  updated_at: '2026-12-01T18:30:00.000-05:00',
};

describe('orders contract', () => {
  it('reads an order list as §7 names it: items, next_cursor, lines with name and quantity', () => {
    const list = OrderList.parse({ items: [order], next_cursor: null });
    expect(list.items[0]!.items[0]).toMatchObject({ name: 'Margherita', quantity: 2 });
    expect(OrderList.safeParse({ items: [{ ...order, total_cents: 26.1 }], next_cursor: null }).success).toBe(false);
  });

  it('takes exactly the four status changes of §7', () => {
    for (const status of ['confirmed', 'ready', 'completed', 'cancelled']) expect(SetOrderStatusRequest.parse({ status }).status).toBe(status);
    expect(SetOrderStatusRequest.safeParse({ status: 'placed' }).success).toBe(false);
    expect(Order.safeParse({ ...order, status: 'lost' }).success).toBe(false);
  });

  it('moves orders forward only, and never out of a final status', () => {
    for (const from of OrderStatus.options) {
      for (const to of ORDER_TRANSITIONS[from]) expect(OrderStatus.options.indexOf(to)).toBeGreaterThan(OrderStatus.options.indexOf(from));
    }
    expect(ORDER_TRANSITIONS.completed).toEqual([]);
    expect(ORDER_TRANSITIONS.cancelled).toEqual([]);
  });

  it('coerces list filters from a query string and refuses a bad date', () => {
    expect(OrderListQuery.parse({ limit: '20', status: 'ready', from: '2026-11-01' })).toEqual({ limit: 20, status: 'ready', from: '2026-11-01' });
    expect(OrderListQuery.safeParse({ from: '2026-13-01' }).success).toBe(false);
  });
});
