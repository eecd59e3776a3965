import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { speakCents, speakDateTime } from '../kit/speakable-time.js';
import type { FeaturePorts, NotifyRequest } from '../types.js';
import type { EventMetadata } from '../../storage/events.js';
import type { Tenant } from '../../tenancy/tenant.js';
import { toE164 } from '../../tenancy/tenant.js';
import { decide, initial } from './decider.js';
import { orderStream, type OrderPlaced, type OrderSource } from './events.js';
import { quoteOrder, type Quote, type RefusalCode } from './pricing.js';
import type { OrderStore } from './store.js';

export const PlaceOrderArgsSchema = z.object({
  items: z
    .array(
      z.object({
        name: z.string().min(1),
        quantity: z.coerce.number().int().default(1),
        options: z.array(z.string()).optional(),
        notes: z.string().max(300).optional(),
      }),
    )
    .max(50),
  customer_name: z.string().trim().max(100).optional(),
  callback_number: z.string().max(30).optional(),
  fulfillment: z.enum(['pickup', 'delivery']).default('pickup'),
  delivery_address: z.string().max(300).optional(),
  requested_time: z.string().max(40).optional(),
  notes: z.string().max(500).optional(),
  quote_only: z.boolean().optional(),
});

export type PlaceOrderResult =
  | { ok: true; placed: boolean; order_id?: string; subtotal_cents: number; tax_cents: number; delivery_fee_cents: number; total_cents: number; ready_at: string; say: string }
  | { ok: false; error: RefusalCode | 'invalid_arguments' | 'no_menu' | 'name_required'; message: string };

export interface PlaceOrderInput {
  tenant: Tenant;
  args: unknown;
  source: OrderSource;
  callSid?: string;
  callerNumber?: string;
  metadata?: EventMetadata;
}

/** Validates, prices and (unless quote_only) records an order. Never throws for a caller mistake. */
export async function placeOrder(ports: Pick<FeaturePorts<OrderStore>, 'store' | 'events' | 'clock' | 'notify'>, input: PlaceOrderInput): Promise<PlaceOrderResult> {
  const parsed = PlaceOrderArgsSchema.safeParse(input.args);
  if (!parsed.success) {
    return { ok: false, error: 'invalid_arguments', message: 'Sorry, I missed part of the order. Could you tell me the items again?' };
  }
  const args = parsed.data;
  const { tenant } = input;
  const menu = await ports.store.menu(tenant.id);
  if (!menu) return { ok: false, error: 'no_menu', message: "Sorry, I can't take orders by phone right now." };
  const now = ports.clock();
  const result = quoteOrder(menu, menu.taxRatePercent, tenant.timeZone, now, {
    items: args.items,
    fulfillment: args.fulfillment,
    ...(args.delivery_address ? { deliveryAddress: args.delivery_address } : {}),
    ...(args.requested_time ? { requestedTime: args.requested_time } : {}),
  });
  if (!result.ok) return { ok: false, error: result.code, message: result.message };
  const { quote } = result;
  const readyAt = speakDateTime(quote.requestedFor, tenant.timeZone, now.getTime());
  const summary = readBack(quote);
  const totals = {
    subtotal_cents: quote.subtotalCents,
    tax_cents: quote.taxCents,
    delivery_fee_cents: quote.deliveryFeeCents,
    total_cents: quote.totalCents,
    ready_at: new Date(quote.requestedFor).toISOString(),
  };
  if (args.quote_only) {
    return { ok: true, placed: false, ...totals, say: `That's ${summary}, for ${args.fulfillment} ${readyAt}. The total is ${speakCents(quote.totalCents)} with tax.` };
  }
  const customerName = args.customer_name?.trim() || null;
  if (!customerName) return { ok: false, error: 'name_required', message: 'What name should I put the order under?' };

  const orderId = `ord_${randomBytes(6).toString('hex')}`;
  const order: OrderPlaced = {
    tenantId: tenant.id,
    orderId,
    callSid: input.callSid ?? null,
    customerName,
    customerPhone: toE164(args.callback_number) ?? input.callerNumber ?? null,
    fulfillment: args.fulfillment,
    requestedFor: new Date(quote.requestedFor).toISOString(),
    deliveryAddress: args.fulfillment === 'delivery' ? (args.delivery_address?.trim() ?? null) : null,
    notes: args.notes?.trim() || null,
    lines: quote.lines,
    subtotalCents: quote.subtotalCents,
    taxCents: quote.taxCents,
    deliveryFeeCents: quote.deliveryFeeCents,
    totalCents: quote.totalCents,
    source: input.source,
  };
  const events = decide({ type: 'PlaceOrder', data: order }, initial());
  await ports.events.append({
    tenantId: tenant.id,
    stream: orderStream(tenant.id, orderId),
    expectedVersion: 'no_stream',
    events: [
      ...events.map((e) => ({ type: e.type, payload: e.data, ...(input.metadata ? { metadata: input.metadata } : {}) })),
      // Owner SMS and email, the caller's confirmation: outbox rows in this same transaction.
      ports.notify.queued({ ...orderNotification(order, readyAt), ...(input.metadata ? { metadata: input.metadata } : {}) }),
    ],
  });
  return { ok: true, placed: true, order_id: orderId, ...totals, say: `Your order is placed: ${summary}. It will be ready for ${args.fulfillment} ${readyAt}. The total is ${speakCents(quote.totalCents)}.` };
}

/** "2 Margherita Pizza (extra cheese) and 1 Tiramisu" */
export function readBack(quote: Quote): string {
  const parts = quote.lines.map((l) => `${l.quantity} ${l.itemName}${l.options.length ? ` (${l.options.join(', ')})` : ''}`);
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** What the owner and the caller are told of a new order (and the portal's one-line subject). */
export function orderNotification(order: OrderPlaced, readyAt: string): NotifyRequest {
  const items = order.lines.reduce((s, l) => s + l.quantity, 0);
  return {
    tenantId: order.tenantId,
    notificationId: `order:${order.orderId}`,
    callSid: order.callSid,
    subject: `New ${order.fulfillment} order ${order.orderId}: ${items} item${items === 1 ? '' : 's'}, ${speakCents(order.totalCents)}, ${readyAt}`,
    facts: {
      type: 'order_placed',
      orderId: order.orderId,
      customerName: order.customerName,
      customerPhone: order.customerPhone,
      fulfillment: order.fulfillment,
      requestedFor: order.requestedFor,
      deliveryAddress: order.deliveryAddress,
      lines: order.lines.map((l) => ({ name: l.itemName, quantity: l.quantity, options: l.options })),
      totalCents: order.totalCents,
    },
  };
}
