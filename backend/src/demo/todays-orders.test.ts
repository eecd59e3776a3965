import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ORDER_CONFIRMED, ORDER_PLACED, type OrderPlaced } from '../features/order_placing/events.js';
import { MenuSchema } from '../features/order_placing/menu.js';
import { DEMO_MENU, DEMO_RESTAURANT, DEMO_TAX_RATE_PERCENT } from './restaurant-menu.js';
import { generateTodaysOrders } from './todays-orders.js';

const ZONE = 'America/New_York';
const at = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toJSDate();
const generate = (now: Date) =>
  generateTodaysOrders({ tenantId: DEMO_RESTAURANT, zone: ZONE, number: '+15550100001', menu: MenuSchema.parse(DEMO_MENU), taxPercent: DEMO_TAX_RATE_PERCENT, now });
const orders = (now: Date) =>
  generate(now)
    .filter((a) => a.stream.type === 'order')
    .map((a) => ({ types: a.events.map((e) => e.type), placed: a.events[0]!.payload as OrderPlaced, events: a.events }));

describe("today's demo orders", () => {
  it('at lunchtime: three orders placed earlier today, all before now, the oldest confirmed, each with its call', () => {
    const now = at('2026-12-02T13:00');
    const list = orders(now);
    expect(list.map((o) => o.types)).toEqual([[ORDER_PLACED, ORDER_CONFIRMED], [ORDER_PLACED], [ORDER_PLACED]]);
    for (const o of list) {
      for (const e of o.events) {
        expect(e.occurredAt!.getTime(), 'nothing is seeded in the future').toBeLessThanOrEqual(now.getTime());
        expect(DateTime.fromJSDate(e.occurredAt!, { zone: ZONE }).toISODate(), 'placed today, in the tenant zone').toBe('2026-12-02');
      }
      expect(o.placed.totalCents).toBeGreaterThan(0);
    }
    expect(generate(now).filter((a) => a.stream.type === 'call')).toHaveLength(3);
  });

  it('soon after midnight: only the calls that began today; none at all in the first twenty minutes', () => {
    expect(orders(at('2026-12-02T01:00'))).toHaveLength(2);
    expect(orders(at('2026-12-02T00:10'))).toHaveLength(0);
  });

  it('with the kitchen closed, the orders are for its next service, never for a time already gone', () => {
    const now = at('2026-12-02T23:30');
    for (const o of orders(now)) expect(Date.parse(o.placed.requestedFor!)).toBeGreaterThan(now.getTime());
  });
});
