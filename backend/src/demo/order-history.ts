import { DateTime } from 'luxon';
import { ORDER_CANCELLED, ORDER_COMPLETED } from '../features/order_placing/events.js';
import { menuEntries, type Menu } from '../features/order_placing/menu.js';
import type { AppendRequest } from '../storage/events.js';
import { draftDemoOrder, placeDemoOrder, type DemoOrderSource } from './demo-order.js';
import { SEED_META } from './demo-ports.js';
import { demoPeople } from './people.js';
import { mulberry32, seedFromString, type Prng } from './prng.js';

export const HISTORY_DAYS = 60;
/** Orders per weekday (1 = Monday): busier at the weekend. */
const ORDERS_PER_WEEKDAY: Record<number, number> = { 1: 2, 2: 2, 3: 3, 4: 3, 5: 5, 6: 5, 7: 4 };
const CANCEL_RATE = 0.05;

export interface HistoryInput {
  tenantId: string;
  zone: string;
  /** The tenant's dedicated number (calls' `To`). */
  number: string;
  menu: Menu;
  taxPercent: number;
  /** History ends at the start of this day (tenant zone). */
  now: Date;
}

/** The first order's key: present iff the (atomic) history was written. */
export const historyMarker = (tenantId: string) => `seed:order-history:${tenantId}:v1`;

/**
 * 60 days of phone orders with their calls, from a seeded generator: lunch and dinner peaks,
 * busier weekends, regular customers, a few cancellations. Pure: returns the appends.
 */
export function generateOrderHistory(input: HistoryInput): AppendRequest[] {
  const rng = mulberry32(seedFromString(`${input.tenantId}:orders`));
  const src = demoOrderSource(rng, input);
  const today = DateTime.fromJSDate(input.now, { zone: input.zone }).startOf('day');
  const out: AppendRequest[] = [];
  let n = 0;
  for (let d = HISTORY_DAYS; d >= 1; d--) {
    const day = today.minus({ days: d });
    const count = Math.max(0, ORDERS_PER_WEEKDAY[day.weekday]! + rng.int(-1, 1));
    for (let k = 0; k < count; k++) {
      const draft = draftDemoOrder(rng, src, orderTime(rng, day));
      if (!draft) continue;
      const i = n++;
      // Only the first order carries a key: the marker of the (atomic) history.
      const o = placeDemoOrder(rng, input, draft, { index: i, idPrefix: 'ord_demo', callKind: 'order', ...(i === 0 ? { firstKey: historyMarker(input.tenantId) } : {}) });
      const cancelled = rng.chance(CANCEL_RATE);
      out.push(o.call);
      out.push(
        o.orderAppend([
          cancelled
            ? { type: ORDER_CANCELLED, payload: { tenantId: input.tenantId, orderId: o.orderId, reason: 'customer called to cancel' }, occurredAt: new Date(o.placedAt.getTime() + 10 * 60_000), metadata: SEED_META }
            : { type: ORDER_COMPLETED, payload: { tenantId: input.tenantId, orderId: o.orderId }, occurredAt: new Date(o.requestedFor + 15 * 60_000), metadata: SEED_META },
        ]),
      );
    }
  }
  return out;
}

/** The customers and the orderable items, drawn first from `rng` (the regulars of every demo order). */
export function demoOrderSource(rng: Prng, input: HistoryInput): DemoOrderSource {
  return { input, people: demoPeople(rng, 140, '+1555201'), items: menuEntries(input.menu).filter((i) => i.available) };
}

/** Lunch (35%) or dinner (65%) peak, in the tenant's zone. */
function orderTime(rng: Prng, day: DateTime): DateTime {
  const lunch = rng.chance(0.35);
  const start = lunch ? 11 * 60 + 40 : 17 * 60;
  const end = lunch ? 14 * 60 : 20 * 60 + 45;
  const minute = rng.int(start, end);
  return day.set({ hour: Math.floor(minute / 60), minute: minute % 60, second: rng.int(0, 59) });
}
