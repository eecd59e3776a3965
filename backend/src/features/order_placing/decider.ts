import { ORDER_CANCELLED, ORDER_COMPLETED, ORDER_PLACED, type OrderEvent, type OrderPlaced } from './events.js';

/** Commands on one order stream. Placing is priced beforehand by `quoteOrder`. */
export type OrderCommand =
  | { type: 'PlaceOrder'; data: OrderPlaced }
  | { type: 'CancelOrder'; data: { tenantId: string; orderId: string; reason: string | null } }
  | { type: 'CompleteOrder'; data: { tenantId: string; orderId: string } };

export type OrderState = { status: 'none' } | { status: 'placed' | 'cancelled' | 'completed'; orderId: string };

export class OrderStateError extends Error {
  override name = 'OrderStateError';
}

export const initial = (): OrderState => ({ status: 'none' });

export function evolve(state: OrderState, event: OrderEvent): OrderState {
  switch (event.type) {
    case ORDER_PLACED:
      return { status: 'placed', orderId: event.data.orderId };
    case ORDER_CANCELLED:
      return state.status === 'none' ? state : { ...state, status: 'cancelled' };
    case ORDER_COMPLETED:
      return state.status === 'none' ? state : { ...state, status: 'completed' };
  }
}

export function decide(command: OrderCommand, state: OrderState): OrderEvent[] {
  switch (command.type) {
    case 'PlaceOrder':
      if (state.status !== 'none') throw new OrderStateError('the order already exists');
      return [{ type: ORDER_PLACED, data: command.data }];
    case 'CancelOrder':
      if (state.status === 'cancelled') return [];
      if (state.status !== 'placed') throw new OrderStateError(`an order that is ${state.status} cannot be cancelled`);
      return [{ type: ORDER_CANCELLED, data: command.data }];
    case 'CompleteOrder':
      if (state.status === 'completed') return [];
      if (state.status !== 'placed') throw new OrderStateError(`an order that is ${state.status} cannot be completed`);
      return [{ type: ORDER_COMPLETED, data: command.data }];
  }
}

export const orderDecider = { initial, evolve, decide };
