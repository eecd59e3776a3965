import type { FactsOf } from '../facts.js';
import { formatMoney, formatWhen } from '../format.js';
import { combine, emailFooter, fitOneSegment, itemListVariants, STOP_HINT } from './fit.js';
import type { RenderContext, RenderedNotification } from './types.js';

type Order = FactsOf<'order_placed'>;

export function renderOrder(o: Order, { style, now }: RenderContext): Omit<RenderedNotification, 'webhook'> {
  const total = formatMoney(o.totalCents, style);
  const when = o.requestedFor ? formatWhen(o.requestedFor, now, style) : 'asap';
  const kind = o.fulfillment === 'delivery' ? 'Delivery' : 'Pickup';
  const name = o.customerName ?? 'a caller';
  const items = itemListVariants(o.lines);

  const ownerSms = fitOneSegment(
    combine(items, [true, false]).map(
      ([list, withPhone]) => `New order: ${list}. Total ${total}. ${kind} ${when} for ${name}${withPhone && o.customerPhone ? ` (${o.customerPhone})` : ''}.`,
    ),
  );
  const customerSms = fitOneSegment([
    ...items.map((list) => `${style.name}: thanks${o.customerName ? ` ${o.customerName}` : ''}! Your order (${list}) is ${total}, ${o.fulfillment} ${when}. ${STOP_HINT}`),
    `${style.name}: thanks! Your order is ${total}, ${o.fulfillment} ${when}. ${STOP_HINT}`,
  ]);

  const lines = o.lines.map((l) => `${l.quantity} x ${l.name}${l.options.length ? ` (${l.options.join(', ')})` : ''}`);
  const text = [
    `New ${o.fulfillment} order ${o.orderId} for ${name}${o.customerPhone ? ` (${o.customerPhone})` : ''}.`,
    `${kind}: ${when}${o.deliveryAddress ? `, to ${o.deliveryAddress}` : ''}`,
    '',
    ...lines,
    '',
    `Total: ${total}`,
    emailFooter(style.name),
  ].join('\n');
  return { ownerSms, customerSms, ownerEmail: { subject: `New ${o.fulfillment} order: ${total} for ${name}, ${when}`, text } };
}
