/**
 * This feature reads `call.missed` from the call stream (calls/call-events.ts) and lists every
 * `notification.queued` (features/notification-events.ts). Its own: the notify job's queue and
 * the stream its missed-call notifications go on.
 */
export const NOTIFY_QUEUE = 'missed_call_capture.notify';

export const notificationStream = (tenantId: string, notificationId: string) => ({ type: 'notification', id: `notification:${tenantId}:${notificationId}` });
