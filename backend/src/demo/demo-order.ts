import type { DateTime } from 'luxon';
import { speakCents } from '../features/kit/speakable-time.js';
import { ORDER_PLACED, orderStream, type OrderPlaced } from '../features/order_placing/events.js';
import type { MenuEntry } from '../features/order_placing/menu.js';
import { readBack } from '../features/order_placing/place-order.js';
import { quoteOrder } from '../features/order_placing/pricing.js';
import type { AppendRequest, EventInput } from '../storage/events.js';
import { demoCallAppend, demoCallSid } from './calls.js';
import { SEED_META } from './demo-ports.js';
import type { HistoryInput } from './order-history.js';
import { pickCustomer, type DemoPerson } from './people.js';
import type { Prng } from './prng.js';

const DELIVERY_RATE = 0.3;

export interface DemoOrderSource {
  input: HistoryInput;
  people: readonly DemoPerson[];
  items: readonly MenuEntry[];
}

/** A phone order as a caller would make it at `at`, priced for the first of `requestedTimes` the kitchen accepts; undefined when none. */
export function draftDemoOrder(rng: Prng, src: DemoOrderSource, at: DateTime, requestedTimes: readonly string[] = ['asap']) {
  const customer = pickCustomer(rng, src.people);
  const lines = Array.from({ length: rng.weighted([[1, 3], [2, 4], [3, 2], [4, 1]] as const) }, () => {
    const item = rng.pick(src.items);
    const options = item.options.length && rng.chance(0.35) ? [rng.pick(item.options).name] : [];
    return { name: item.name, quantity: rng.weighted([[1, 6], [2, 3], [3, 1]] as const), options };
  });
  const delivery = rng.chance(DELIVERY_RATE);
  const address = delivery ? `${rng.int(10, 990)} Main Street` : null;
  const { input } = src;
  for (const requestedTime of requestedTimes) {
    const quote = quoteOrder(input.menu, input.taxPercent, input.zone, at.toJSDate(), {
      items: lines,
      fulfillment: delivery ? 'delivery' : 'pickup',
      ...(address ? { deliveryAddress: address } : {}),
      requestedTime,
    });
    if (quote.ok) return { at, customer, fulfillment: delivery ? ('delivery' as const) : ('pickup' as const), address, quote: quote.quote };
  }
  return undefined;
}
export type DemoOrderDraft = NonNullable<ReturnType<typeof draftDemoOrder>>;

/**
 * The draft placed on a call: the order (`<idPrefix>_<index>`), when it was placed, and the call's
 * and the order's streams. `firstKey` marks an atomic history (see append-once.ts).
 */
export function placeDemoOrder(rng: Prng, input: HistoryInput, d: DemoOrderDraft, ref: { index: number; idPrefix: string; callKind: string; firstKey?: string }) {
  const orderId = `${ref.idPrefix}_${String(ref.index).padStart(5, '0')}`;
  const callSid = demoCallSid(input.tenantId, ref.callKind, ref.index);
  const q = d.quote;
  const order: OrderPlaced = {
    tenantId: input.tenantId,
    orderId,
    callSid,
    customerName: d.customer.name,
    customerPhone: d.customer.phone,
    fulfillment: d.fulfillment,
    requestedFor: new Date(q.requestedFor).toISOString(),
    deliveryAddress: d.address,
    notes: rng.chance(0.1) ? 'Extra napkins, please.' : null,
    lines: q.lines,
    subtotalCents: q.subtotalCents,
    taxCents: q.taxCents,
    deliveryFeeCents: q.deliveryFeeCents,
    totalCents: q.totalCents,
    source: 'seed',
  };
  const durationSeconds = rng.int(70, 260);
  const placedAt = d.at.plus({ seconds: durationSeconds - 15 }).toJSDate();
  const placed: EventInput<object> = {
    type: ORDER_PLACED,
    payload: order,
    occurredAt: placedAt,
    ...(ref.firstKey ? { idempotencyKey: ref.firstKey } : {}),
    metadata: { ...SEED_META, call_sid: callSid },
  };
  const call = demoCallAppend({
    callSid,
    tenantId: input.tenantId,
    from: d.customer.phone,
    to: input.number,
    startedAt: d.at.toJSDate(),
    durationSeconds,
    summary: `${d.customer.name} placed a ${order.fulfillment} order: ${readBack(q)}. Total ${speakCents(q.totalCents)}.`,
  });
  const orderAppend = (events: EventInput<object>[]): AppendRequest => ({ tenantId: input.tenantId, stream: orderStream(input.tenantId, orderId), expectedVersion: 'no_stream', events: [placed, ...events] });
  return { orderId, placedAt, requestedFor: q.requestedFor, call, orderAppend };
}
