import type { NotificationFacts } from '../facts.js';
import { renderAppointment } from './appointment.js';
import { renderCallSummary, renderMessageRecorded, renderMissedCall, renderTransferUnanswered } from './calls.js';
import { renderOrder } from './order.js';
import { renderSkillResult } from './skill.js';
import type { RenderContext, RenderedNotification } from './types.js';

export type { RenderContext, RenderedNotification } from './types.js';

/** Webhook event type per notification type (`data` carries the facts, snake_cased). */
const WEBHOOK_TYPE: Record<NotificationFacts['type'], string> = {
  order_placed: 'order.placed',
  appointment_requested: 'appointment.requested',
  missed_call: 'call.missed',
  transfer_unanswered: 'call.transfer_unanswered',
  message_recorded: 'call.message_recorded',
  call_summary_ready: 'call.summary_ready',
  skill_result: 'skill.result',
};

/** Pure: the texts of one notification for every channel, in the tenant's currency and zone. */
export function renderNotification(facts: NotificationFacts, ctx: RenderContext): RenderedNotification {
  const owned = renderOwned(facts, ctx);
  const { type, ...data } = facts;
  return { ...owned, webhook: { type: WEBHOOK_TYPE[type], data: snakeKeys(data) as Record<string, unknown> } };
}

function renderOwned(facts: NotificationFacts, ctx: RenderContext): Omit<RenderedNotification, 'webhook'> {
  switch (facts.type) {
    case 'order_placed':
      return renderOrder(facts, ctx);
    case 'appointment_requested':
      return renderAppointment(facts, ctx);
    case 'missed_call':
      return renderMissedCall(facts, ctx);
    case 'transfer_unanswered':
      return renderTransferUnanswered(facts, ctx);
    case 'message_recorded':
      return renderMessageRecorded(facts, ctx);
    case 'call_summary_ready':
      return renderCallSummary(facts, ctx);
    case 'skill_result':
      return renderSkillResult(facts, ctx);
  }
}

/** `{totalCents: 1}` → `{total_cents: 1}`, deeply: the webhook speaks the API's snake_case. */
export function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), snakeKeys(v)]));
  }
  return value;
}
