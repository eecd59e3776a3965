import { ORDER_PLACED, orderStream, type OrderPlaced } from '../../../backend/src/features/order_placing/events.js';
import type { Portal } from './portal-server.js';

/**
 * An order still in the kitchen, as a call would leave it (`order.placed` through the product's
 * event store): the demo history's orders are all completed or cancelled by now.
 */
export async function placeOpenOrder(portal: Portal, tenantId: string, customerName: string): Promise<string> {
  const orderId = `ord_browser_${Date.now().toString(36)}`;
  const order: OrderPlaced = {
    tenantId,
    orderId,
    callSid: null,
    customerName,
    customerPhone: '+15550109876',
    fulfillment: 'pickup',
    requestedFor: null,
    deliveryAddress: null,
    notes: null,
    lines: [{ lineNo: 1, itemId: 'margherita', itemName: 'Margherita pizza', category: 'pizza', quantity: 2, unitPriceCents: 1200, options: [], notes: null, lineTotalCents: 2400 }],
    subtotalCents: 2400,
    taxCents: 210,
    deliveryFeeCents: 0,
    totalCents: 2610,
    source: 'voice',
  };
  await portal.runtime.core.events.append({ tenantId, stream: orderStream(tenantId, orderId), events: [{ type: ORDER_PLACED, payload: order }] });
  return orderId;
}
