import { ORDER_TRANSITIONS, type OrderStatus, type OrderStatusChange } from '@vozlia/contract';
import { ORDER_CANCELLED, ORDER_COMPLETED, ORDER_CONFIRMED, ORDER_PLACED, ORDER_READY, type OrderEvent, type OrderPlaced } from './events.js';

/** Commands on one order stream. Placing is priced beforehand by `quoteOrder`. */
export type OrderCommand =
  | { type: 'PlaceOrder'; data: OrderPlaced }
  | { type: 'SetOrderStatus'; data: { tenantId: string; orderId: string; status: OrderStatusChange; reason: string | null } };

export type OrderState = { status: 'none' } | { status: OrderStatus; orderId: string };

export class OrderStateError extends Error {
  override name = 'OrderStateError';
}

const STATUS_OF: Record<Exclude<OrderEvent['type'], typeof ORDER_PLACED>, OrderStatus> = {
  [ORDER_CONFIRMED]: 'confirmed',
  [ORDER_READY]: 'ready',
  [ORDER_COMPLETED]: 'completed',
  [ORDER_CANCELLED]: 'cancelled',
};

export const initial = (): OrderState => ({ status: 'none' });

export function evolve(state: OrderState, event: OrderEvent): OrderState {
  if (event.type === ORDER_PLACED) return { status: 'placed', orderId: event.data.orderId };
  const next = (STATUS_OF as Partial<Record<string, OrderStatus>>)[event.type];
  return state.status === 'none' || !next ? state : { ...state, status: next };
}

/** The event recording a status change (the contract's `ORDER_TRANSITIONS` decides which are legal). */
function statusEvent(data: Extract<OrderCommand, { type: 'SetOrderStatus' }>['data']): OrderEvent {
  const ids = { tenantId: data.tenantId, orderId: data.orderId };
  switch (data.status) {
    case 'confirmed':
      return { type: ORDER_CONFIRMED, data: ids };
    case 'ready':
      return { type: ORDER_READY, data: ids };
    case 'completed':
      return { type: ORDER_COMPLETED, data: ids };
    case 'cancelled':
      return { type: ORDER_CANCELLED, data: { ...ids, reason: data.reason } };
  }
}

export function decide(command: OrderCommand, state: OrderState): OrderEvent[] {
  switch (command.type) {
    case 'PlaceOrder':
      if (state.status !== 'none') throw new OrderStateError('the order already exists');
      return [{ type: ORDER_PLACED, data: command.data }];
    case 'SetOrderStatus': {
      const to = command.data.status;
      if (state.status === 'none') throw new OrderStateError('no such order');
      // Asking again for the status it already has changes nothing (a double click, a retry).
      if (state.status === to) return [];
      if (!ORDER_TRANSITIONS[state.status].includes(to)) throw new OrderStateError(`an order that is ${state.status} cannot become ${to}`);
      return [statusEvent(command.data)];
    }
  }
}

export const orderDecider = {
  eventTypes: new Set([ORDER_PLACED, ORDER_CONFIRMED, ORDER_READY, ORDER_COMPLETED, ORDER_CANCELLED] as const),
  initial,
  evolve,
  decide,
};
