import { DateTime } from 'luxon';
import { callStream } from '../calls/call-events.js';
import { demoCallEvents, demoCallSid } from './calls.js';
import { demoPeople, pickCustomer } from './people.js';
import { mulberry32, seedFromString, type Prng } from './prng.js';
import { speakCents } from '../features/kit/speakable-time.js';
import type { AppendRequest, EventInput } from '../storage/events.js';
import { ORDER_CANCELLED, ORDER_COMPLETED, ORDER_PLACED, orderStream, type OrderPlaced } from '../features/order_placing/events.js';
import { menuEntries, type Menu } from '../features/order_placing/menu.js';
import { readBack } from '../features/order_placing/place-order.js';
import { quoteOrder } from '../features/order_placing/pricing.js';
import { SEED_META } from './demo-ports.js';

export const HISTORY_DAYS = 60;
/** Orders per weekday (1 = Monday): busier at the weekend. */
const ORDERS_PER_WEEKDAY: Record<number, number> = { 1: 2, 2: 2, 3: 3, 4: 3, 5: 5, 6: 5, 7: 4 };
const CANCEL_RATE = 0.05;
const DELIVERY_RATE = 0.3;

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
  const people = demoPeople(rng, 140, '+1555201');
  const items = menuEntries(input.menu).filter((i) => i.available);
  const today = DateTime.fromJSDate(input.now, { zone: input.zone }).startOf('day');
  const out: AppendRequest[] = [];
  let n = 0;
  for (let d = HISTORY_DAYS; d >= 1; d--) {
    const day = today.minus({ days: d });
    const count = Math.max(0, ORDERS_PER_WEEKDAY[day.weekday]! + rng.int(-1, 1));
    for (let k = 0; k < count; k++) {
      const at = orderTime(rng, day);
      const customer = pickCustomer(rng, people);
      const lines = Array.from({ length: rng.weighted([[1, 3], [2, 4], [3, 2], [4, 1]] as const) }, () => {
        const item = rng.pick(items);
        const options = item.options.length && rng.chance(0.35) ? [rng.pick(item.options).name] : [];
        return { name: item.name, quantity: rng.weighted([[1, 6], [2, 3], [3, 1]] as const), options };
      });
      const delivery = rng.chance(DELIVERY_RATE);
      const address = delivery ? `${rng.int(10, 990)} Main Street` : null;
      const quote = quoteOrder(input.menu, input.taxPercent, input.zone, at.toJSDate(), {
        items: lines,
        fulfillment: delivery ? 'delivery' : 'pickup',
        ...(address ? { deliveryAddress: address } : {}),
        requestedTime: 'asap',
      });
      if (!quote.ok) continue;
      const i = n++;
      const orderId = `ord_demo_${String(i).padStart(5, '0')}`;
      const callSid = demoCallSid(input.tenantId, 'order', i);
      const q = quote.quote;
      const order: OrderPlaced = {
        tenantId: input.tenantId,
        orderId,
        callSid,
        customerName: customer.name,
        customerPhone: customer.phone,
        fulfillment: delivery ? 'delivery' : 'pickup',
        requestedFor: new Date(q.requestedFor).toISOString(),
        deliveryAddress: address,
        notes: rng.chance(0.1) ? 'Extra napkins, please.' : null,
        lines: q.lines,
        subtotalCents: q.subtotalCents,
        taxCents: q.taxCents,
        deliveryFeeCents: q.deliveryFeeCents,
        totalCents: q.totalCents,
        source: 'seed',
      };
      const durationSeconds = rng.int(70, 260);
      const placedAt = at.plus({ seconds: durationSeconds - 15 }).toJSDate();
      const cancelled = rng.chance(CANCEL_RATE);
      const orderEvents: EventInput<object>[] = [
        // Only the first order carries a key: the marker of the (atomic) history.
        { type: ORDER_PLACED, payload: order, occurredAt: placedAt, ...(i === 0 ? { idempotencyKey: historyMarker(input.tenantId) } : {}), metadata: { ...SEED_META, call_sid: callSid } },
        cancelled
          ? { type: ORDER_CANCELLED, payload: { tenantId: input.tenantId, orderId, reason: 'customer called to cancel' }, occurredAt: new Date(placedAt.getTime() + 10 * 60_000), metadata: SEED_META }
          : { type: ORDER_COMPLETED, payload: { tenantId: input.tenantId, orderId }, occurredAt: new Date(q.requestedFor + 15 * 60_000), metadata: SEED_META },
      ];
      const callEvents = demoCallEvents({
        callSid,
        tenantId: input.tenantId,
        from: customer.phone,
        to: input.number,
        startedAt: at.toJSDate(),
        durationSeconds,
        summary: `${customer.name} placed a ${order.fulfillment} order: ${readBack(q)}. Total ${speakCents(q.totalCents)}.`,
      });
      out.push({ tenantId: input.tenantId, stream: callStream(callSid), expectedVersion: 'no_stream', events: callEvents });
      out.push({ tenantId: input.tenantId, stream: orderStream(input.tenantId, orderId), expectedVersion: 'no_stream', events: orderEvents });
    }
  }
  return out;
}

/** Lunch (35%) or dinner (65%) peak, in the tenant's zone. */
function orderTime(rng: Prng, day: DateTime): DateTime {
  const lunch = rng.chance(0.35);
  const start = lunch ? 11 * 60 + 40 : 17 * 60;
  const end = lunch ? 14 * 60 : 20 * 60 + 45;
  const minute = rng.int(start, end);
  return day.set({ hour: Math.floor(minute / 60), minute: minute % 60, second: rng.int(0, 59) });
}
