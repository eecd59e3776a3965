import type { MessageRecipient, NotificationChannel, NotificationSettingsValue } from '@vozlia/contract';
import type { MessageRefs } from './facts.js';

/**
 * Read by type name: appended by features (orders, appointments, missed calls, saved skills);
 * the cause of every message. Its declaration moves to its owner with the `notify` port.
 */
export const NOTIFICATION_QUEUED = 'notification.queued';

/** A message's life, stream `message:<tenant>:<messageId>`. Billing meters `message.sent`. */
export const MESSAGE_QUEUED = 'message.queued';
export const MESSAGE_HELD = 'message.held';
export const MESSAGE_SENT = 'message.sent';
export const MESSAGE_DELIVERED = 'message.delivered';
export const MESSAGE_FAILED = 'message.failed';
export const MESSAGE_DEAD = 'message.dead';
export const MESSAGE_EVENT_TYPES = [MESSAGE_QUEUED, MESSAGE_HELD, MESSAGE_SENT, MESSAGE_DELIVERED, MESSAGE_FAILED, MESSAGE_DEAD] as const;

/** The tenant's notifications section, stream `notification_settings:<tenant>`. */
export const NOTIFICATION_SETTINGS_UPDATED = 'notification_settings.updated';

/** A caller's STOP / START to a tenant, stream `sms_consent:<tenant>:<E.164>`. */
export const SMS_OPTED_OUT = 'sms.opted_out';
export const SMS_OPTED_IN = 'sms.opted_in';

export const messageStream = (tenantId: string, messageId: string) => ({ type: 'message', id: `message:${tenantId}:${messageId}` });
export const settingsStream = (tenantId: string) => ({ type: 'notification_settings', id: `notification_settings:${tenantId}` });
export const consentStream = (tenantId: string, phone: string) => ({ type: 'sms_consent', id: `sms_consent:${tenantId}:${phone}` });

export interface MessageQueued {
  messageId: string;
  tenantId: string;
  /** `<tenant>:<notificationId>` of the feature's notification, and the event that caused it. */
  notificationId: string;
  causeEventId: string;
  kind: string;
  channel: NotificationChannel;
  recipient: MessageRecipient;
  to: string;
  subject: string;
  urgent: boolean;
  /** Quiet hours hold it until then (ISO), or null. */
  heldUntil: string | null;
  refs: MessageRefs;
}

export interface MessageHeld {
  messageId: string;
  tenantId: string;
  heldUntil: string;
}

export interface MessageSent {
  messageId: string;
  tenantId: string;
  channel: NotificationChannel;
  /** SMS segments billed; 0 for email and webhook. */
  segments: number;
  providerRef: string;
  attempt: number;
}

export interface MessageDelivered {
  messageId: string;
  tenantId: string;
  channel: NotificationChannel;
  providerRef: string;
}

export interface MessageFailed {
  messageId: string;
  tenantId: string;
  channel: NotificationChannel;
  code: string;
  /** True when another attempt is scheduled (at `nextAttemptAt`). */
  retryable: boolean;
  attempt: number;
  nextAttemptAt: string | null;
}

export interface MessageDead {
  messageId: string;
  tenantId: string;
  channel: NotificationChannel;
  code: string;
  attempts: number;
}

/** The whole section; the webhook secret is stored here (see DECISIONS: secrets in events). */
export interface NotificationSettingsUpdated {
  tenantId: string;
  settings: Omit<NotificationSettingsValue, 'webhook'> & { webhook: { url: string; secret: string } | null };
}

export interface SmsConsentChanged {
  tenantId: string;
  phone: string;
  keyword: string;
}
