import type { FeatureTool } from '../types.js';
import { placeOrder } from './place-order.js';
import type { OrderStore } from './store.js';

const PLACE_ORDER_TIMEOUT_MS = 5000;

export const placeOrderTool: FeatureTool<OrderStore> = {
  name: 'place_order',
  description:
    'Places a food order for pickup or delivery. First call it with quote_only=true to get the total and read the order back; ' +
    'after the caller confirms, call it again with quote_only=false. Prices come only from this tool. ' +
    'If it returns ok=false, say its message to the caller.',
  timeoutMs: PLACE_ORDER_TIMEOUT_MS,
  async parameters(tenant, ports) {
    const { names, options } = await ports.store.availableItemNames(tenant.id);
    return {
      type: 'object',
      additionalProperties: false,
      properties: {
        items: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            additionalProperties: false,
            properties: {
              name: { type: 'string', enum: names, description: 'A menu item exactly as named on the menu.' },
              quantity: { type: 'integer', minimum: 1, maximum: 50 },
              options: { type: 'array', items: options.length ? { type: 'string', enum: options } : { type: 'string' }, description: 'Options or modifiers the caller chose.' },
              notes: { type: 'string', description: 'Special requests for this item.' },
            },
            required: ['name', 'quantity'],
          },
        },
        customer_name: { type: 'string', description: 'Name for the order (the order is placed under it; ask for it before quoting).' },
        callback_number: { type: 'string', description: "Callback number; leave out to use the caller's number." },
        fulfillment: { type: 'string', enum: ['pickup', 'delivery'] },
        delivery_address: { type: 'string', description: 'Required for delivery.' },
        requested_time: {
          type: 'string',
          description: `"asap", or a local date-time in ISO form (YYYY-MM-DDTHH:mm) in the restaurant's time zone (${tenant.timeZone}).`,
        },
        notes: { type: 'string' },
        quote_only: { type: 'boolean', description: 'true = only price and validate, do not place.' },
      },
      // What the handler needs: it refuses to place an order without a name.
      required: ['items', 'fulfillment', 'customer_name'],
    };
  },
  async handler(args, ctx) {
    return placeOrder(ctx.ports, {
      tenant: ctx.tenant,
      args,
      source: ctx.source === 'portal' ? 'portal' : 'voice',
      ...(ctx.callSid ? { callSid: ctx.callSid } : {}),
      ...(ctx.callerNumber ? { callerNumber: ctx.callerNumber } : {}),
      metadata: { actor_mode: ctx.actorMode, ...(ctx.callSid ? { call_sid: ctx.callSid } : {}), source: ctx.source },
    });
  },
};
