/**
 * Call control's steps are call events (calls/call-events.ts: `transfer.requested`,
 * `transfer.completed`, `transfer.unanswered`, `message.recorded`, `call.limit_reached`,
 * `call.blocked`, `call.busy`). This feature's own: the queue of its owner notification.
 */
export const MESSAGE_NOTIFY_QUEUE = 'call_control.message_notify';
