import type { MenuInput } from './menu.js';

export const MENU_PUBLISHED = 'menu.published';
export const MENU_ITEM_AVAILABILITY_CHANGED = 'menu.item_availability_changed';
export const ORDER_PLACED = 'order.placed';
export const ORDER_CANCELLED = 'order.cancelled';
export const ORDER_COMPLETED = 'order.completed';
export const ORDER_CONFIRMED = 'order.confirmed';
export const ORDER_READY = 'order.ready';

export const menuStream = (tenantId: string) => ({ type: 'menu', id: `menu:${tenantId}` });
export const orderStream = (tenantId: string, orderId: string) => ({ type: 'order', id: `order:${tenantId}:${orderId}` });

export interface MenuPublished {
  tenantId: string;
  menu: MenuInput;
}

export interface MenuItemAvailabilityChanged {
  tenantId: string;
  itemId: string;
  available: boolean;
}

export interface OrderLine {
  lineNo: number;
  itemId: string;
  itemName: string;
  category: string;
  quantity: number;
  unitPriceCents: number;
  options: string[];
  notes: string | null;
  lineTotalCents: number;
}

export type Fulfillment = 'pickup' | 'delivery';
export type OrderSource = 'voice' | 'portal' | 'seed';

export interface OrderPlaced {
  tenantId: string;
  orderId: string;
  callSid: string | null;
  customerName: string | null;
  customerPhone: string | null;
  fulfillment: Fulfillment;
  /** ISO instant. */
  requestedFor: string | null;
  deliveryAddress: string | null;
  notes: string | null;
  lines: OrderLine[];
  subtotalCents: number;
  taxCents: number;
  deliveryFeeCents: number;
  totalCents: number;
  source: OrderSource;
}

export interface OrderCancelled {
  tenantId: string;
  orderId: string;
  reason: string | null;
}

export interface OrderCompleted {
  tenantId: string;
  orderId: string;
}

/** The kitchen took it (`order.confirmed`) or it waits for pickup or the driver (`order.ready`). */
export type OrderProgressed = OrderCompleted;

export type OrderEvent =
  | { type: typeof ORDER_PLACED; data: OrderPlaced }
  | { type: typeof ORDER_CANCELLED; data: OrderCancelled }
  | { type: typeof ORDER_COMPLETED; data: OrderCompleted }
  | { type: typeof ORDER_CONFIRMED; data: OrderProgressed }
  | { type: typeof ORDER_READY; data: OrderProgressed };
