import { describe, it } from 'vitest';
import { deciderSpec } from '../../testing/decider-spec.js';
import { orderDecider, OrderStateError } from './decider.js';
import { ORDER_CANCELLED, ORDER_COMPLETED, ORDER_CONFIRMED, ORDER_PLACED, ORDER_READY, type OrderEvent, type OrderPlaced } from './events.js';

const given = deciderSpec(orderDecider);
const placed = { tenantId: 't', orderId: 'o1' } as OrderPlaced;
const ids = { tenantId: 't', orderId: 'o1' };

describe('order decider', () => {
  it('places a new order once', () => {
    given([]).when({ type: 'PlaceOrder', data: placed }).then([{ type: ORDER_PLACED, data: placed }]);
    given([{ type: ORDER_PLACED, data: placed }]).when({ type: 'PlaceOrder', data: placed }).then(OrderStateError);
  });
  it('moves forward through the kitchen or is cancelled; repeating is a no-op; going back or past the end is refused', () => {
    const p: OrderEvent[] = [{ type: ORDER_PLACED, data: placed }];
    const set = (status: 'confirmed' | 'ready' | 'completed' | 'cancelled', reason: string | null = null) =>
      ({ type: 'SetOrderStatus', data: { ...ids, status, reason } }) as const;
    given(p).when(set('confirmed')).then([{ type: ORDER_CONFIRMED, data: ids }]);
    given(p).when(set('ready')).then([{ type: ORDER_READY, data: ids }]);
    given(p).when(set('cancelled', 'out of dough')).then([{ type: ORDER_CANCELLED, data: { ...ids, reason: 'out of dough' } }]);
    given(p).when(set('completed')).then([{ type: ORDER_COMPLETED, data: ids }]);
    const ready: OrderEvent[] = [...p, { type: ORDER_CONFIRMED, data: ids }, { type: ORDER_READY, data: ids }];
    given(ready).when(set('ready')).then([]);
    given(ready).when(set('confirmed')).then(OrderStateError);
    given(ready).when(set('completed')).then([{ type: ORDER_COMPLETED, data: ids }]);
    const cancelled: OrderEvent[] = [...p, { type: ORDER_CANCELLED, data: { ...ids, reason: null } }];
    given(cancelled).when(set('cancelled')).then([]);
    given(cancelled).when(set('completed')).then(OrderStateError);
    given([...p, { type: ORDER_COMPLETED, data: ids }]).when(set('cancelled')).then(OrderStateError);
    given([]).when(set('cancelled')).then(OrderStateError);
  });
});
