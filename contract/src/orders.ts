import { z } from 'zod';
import { page, PageQuery } from './pagination.js';
import { Cents, Count, IsoDate, IsoInstant, RecordSource } from './scalars.js';

/**
 * Contract §7: orders under `/api/tenants/:tenant_id/`.
 * - `GET orders` (`OrderListQuery`) → `OrderList`, newest first.
 * - `POST orders/:id/status` (`SetOrderStatusRequest`) → 200 `Order`, recorded as an event;
 *   a move `ORDER_TRANSITIONS` does not allow → 403 `{"error":"illegal_state"}`.
 */
export const OrderStatus = z.enum(['placed', 'confirmed', 'ready', 'completed', 'cancelled']);
export type OrderStatus = z.infer<typeof OrderStatus>;

/** The statuses an owner may set (§7); `placed` is where every order starts. */
export const OrderStatusChange = z.enum(['confirmed', 'ready', 'completed', 'cancelled']);
export type OrderStatusChange = z.infer<typeof OrderStatusChange>;

/** Where an order may go next: forward through the kitchen, or cancelled until it is done. */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatusChange[]>> = {
  placed: ['confirmed', 'ready', 'completed', 'cancelled'],
  confirmed: ['ready', 'completed', 'cancelled'],
  ready: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

export const Fulfillment = z.enum(['pickup', 'delivery']);
export type Fulfillment = z.infer<typeof Fulfillment>;

export const OrderLine = z.object({
  name: z.string(),
  quantity: z.number().int().positive(),
  unit_price_cents: Cents,
  /** Chosen options, comma-separated, or null. */
  options: z.string().nullable(),
  line_total_cents: Cents,
});
export type OrderLine = z.infer<typeof OrderLine>;

export const Order = z.object({
  id: z.string(),
  status: OrderStatus,
  customer_name: z.string().nullable(),
  /** E.164; shown to the tenant's own owner and staff only. */
  customer_phone: z.string().nullable(),
  fulfillment: Fulfillment,
  requested_for: IsoInstant.nullable(),
  delivery_address: z.string().nullable(),
  notes: z.string().nullable(),
  items: z.array(OrderLine),
  item_count: Count,
  subtotal_cents: Cents,
  tax_cents: Cents,
  delivery_fee_cents: Cents,
  total_cents: Cents,
  source: RecordSource,
  call_sid: z.string().nullable(),
  created_at: IsoInstant,
  updated_at: IsoInstant,
});
export type Order = z.infer<typeof Order>;

/** Filters: status, and a day range on `created_at` in the tenant's zone (`to` inclusive). */
export const OrderListQuery = PageQuery.extend({
  status: OrderStatus.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type OrderListQuery = z.input<typeof OrderListQuery>;

export const OrderList = page(Order);
export type OrderList = z.infer<typeof OrderList>;

export const SetOrderStatusRequest = z.object({
  status: OrderStatusChange,
  reason: z.string().trim().max(300).optional(),
});
export type SetOrderStatusRequest = z.infer<typeof SetOrderStatusRequest>;
