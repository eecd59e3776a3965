import { describe, it } from 'vitest';
import { deciderSpec } from '../../testing/decider-spec.js';
import { orderDecider, OrderStateError } from './decider.js';
import { ORDER_CANCELLED, ORDER_COMPLETED, ORDER_PLACED, type OrderEvent, type OrderPlaced } from './events.js';

const given = deciderSpec(orderDecider);
const placed = { tenantId: 't', orderId: 'o1' } as OrderPlaced;
const ids = { tenantId: 't', orderId: 'o1' };

describe('order decider', () => {
  it('places a new order once', () => {
    given([]).when({ type: 'PlaceOrder', data: placed }).then([{ type: ORDER_PLACED, data: placed }]);
    given([{ type: ORDER_PLACED, data: placed }]).when({ type: 'PlaceOrder', data: placed }).then(OrderStateError);
  });
  it('cancels or completes a placed order; repeating is a no-op; the other is refused', () => {
    const p: OrderEvent[] = [{ type: ORDER_PLACED, data: placed }];
    given(p).when({ type: 'CancelOrder', data: { ...ids, reason: null } }).then([{ type: ORDER_CANCELLED, data: { ...ids, reason: null } }]);
    given(p).when({ type: 'CompleteOrder', data: ids }).then([{ type: ORDER_COMPLETED, data: ids }]);
    given([...p, { type: ORDER_CANCELLED, data: { ...ids, reason: null } }]).when({ type: 'CancelOrder', data: { ...ids, reason: null } }).then([]);
    given([...p, { type: ORDER_CANCELLED, data: { ...ids, reason: null } }]).when({ type: 'CompleteOrder', data: ids }).then(OrderStateError);
    given([]).when({ type: 'CancelOrder', data: { ...ids, reason: null } }).then(OrderStateError);
  });
});
