/** `call.missed` is the phone entry's (stream `call:<CallSid>`); `notification.*` are ours. */
export const CALL_MISSED = 'call.missed';
export const CALL_RECEIVED = 'call.received';
export const NOTIFICATION_QUEUED = 'notification.queued';
export const NOTIFY_QUEUE = 'missed_call_capture.notify';

export const notificationStream = (tenantId: string, notificationId: string) => ({ type: 'notification', id: `notification:${tenantId}:${notificationId}` });

export interface CallMissed {
  callSid: string;
  tenantId?: string;
  /** Not sent by the phone entry (it is on `call.received`); accepted when present. */
  from?: string | null;
  reason?: string | null;
}

/** Appended by any feature that wants the owner told something (delivery is a later issue). */
export interface NotificationQueued {
  tenantId: string;
  notificationId: string;
  kind: string;
  channel: 'sms' | 'email' | 'portal';
  subject: string;
  ref?: Record<string, unknown>;
}
