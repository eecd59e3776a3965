import { DateTime } from 'luxon';
import { ORDER_CONFIRMED } from '../features/order_placing/events.js';
import type { AppendRequest } from '../storage/events.js';
import { draftDemoOrder, placeDemoOrder } from './demo-order.js';
import { SEED_META } from './demo-ports.js';
import { demoOrderSource, type HistoryInput } from './order-history.js';
import { mulberry32, seedFromString } from './prng.js';

/** Calls that began this long before the first start; any before midnight are left out. */
const MINUTES_AGO = [95, 50, 20] as const;

/** The first of today's orders carries it: present iff they were written. */
export const todaysOrdersMarker = (tenantId: string) => `seed:todays-orders:${tenantId}:v1`;

/**
 * A few phone orders placed earlier today and still open (the oldest confirmed, the others new),
 * so an owner signing in on the first start has today's orders to see and move on. For the next
 * service (asap, else tonight or tomorrow) when the kitchen was closed. Pure: returns the appends.
 */
export function generateTodaysOrders(input: HistoryInput): AppendRequest[] {
  const rng = mulberry32(seedFromString(`${input.tenantId}:orders-today`));
  const src = demoOrderSource(rng, input);
  const now = DateTime.fromJSDate(input.now, { zone: input.zone });
  const today = now.startOf('day');
  const later = [today.set({ hour: 18, minute: 30 }), today.plus({ days: 1 }).set({ hour: 12, minute: 30 }), today.plus({ days: 1 }).set({ hour: 18, minute: 30 })];
  const requestedTimes = ['asap', ...later.map((t) => t.toFormat("yyyy-MM-dd'T'HH:mm"))];
  const out: AppendRequest[] = [];
  for (const ago of MINUTES_AGO) {
    const at = now.minus({ minutes: ago });
    if (at < today) continue;
    const draft = draftDemoOrder(rng, src, at, requestedTimes);
    if (!draft) continue;
    const index = out.length / 2;
    const o = placeDemoOrder(rng, input, draft, { index, idPrefix: 'ord_today', callKind: 'order-today', ...(index === 0 ? { firstKey: todaysOrdersMarker(input.tenantId) } : {}) });
    const confirmedAt = new Date(Math.min(o.placedAt.getTime() + 4 * 60_000, input.now.getTime()));
    out.push(o.call, o.orderAppend(index === 0 ? [{ type: ORDER_CONFIRMED, payload: { tenantId: input.tenantId, orderId: o.orderId }, occurredAt: confirmedAt, metadata: SEED_META }] : []));
  }
  return out;
}
