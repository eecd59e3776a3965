/**
 * The one notification request every module may append today, on its own stream (an order, an
 * appointment, a saved skill, a missed call): missed_call_capture's `notifications` projection
 * lists them for the owner. The notifications module and its `notify` port take over delivery.
 */
export const NOTIFICATION_QUEUED = 'notification.queued';

export type NotificationChannel = 'sms' | 'email' | 'portal';

export interface NotificationQueued {
  tenantId: string;
  /** Unique per tenant: the projection's key, so a retried append lists it once. */
  notificationId: string;
  /** `missed_call`, `order_placed`, `appointment_requested`, `skill_result`, … */
  kind: string;
  channel: NotificationChannel;
  subject: string;
  body?: string;
  ref?: Record<string, unknown>;
}
