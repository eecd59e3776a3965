import type { MessageRecipient, MessageStatus, NotificationChannel, NotificationSettingsValue } from '@vozlia/contract';
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Json } from '../storage/schema.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** What a channel needs to send one message. */
export type OutboxBody =
  | { kind: 'sms'; text: string }
  | { kind: 'email'; subject: string; text: string }
  | { kind: 'webhook'; type: string; occurredAt: string; data: Record<string, unknown> };

export type OutboxStatus = 'queued' | 'sending' | 'retrying' | 'sent' | 'delivered' | 'failed' | 'dead';

/** The delivery queue: one row per message, written in the transaction of its cause. */
export interface OutboxTable {
  id: string;
  tenant_id: string;
  channel: NotificationChannel;
  recipient: MessageRecipient;
  kind: string;
  to_address: string;
  /** SMS sender chosen when queued; null for email (VOZ_EMAIL_FROM) and webhooks. */
  from_address: string | null;
  body: Json<OutboxBody>;
  dedupe_key: string;
  status: OutboxStatus;
  urgent: boolean;
  attempts: Generated<number>;
  max_attempts: number;
  run_at: Timestamp;
  locked_by: string | null;
  /** When the current attempt was claimed (also: when it started talking to the provider). */
  locked_at: Timestamp | null;
  last_error: string | null;
  provider_ref: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

/** Projection of `message.*`: the `notifications` analytic subject and the tenant API's list. */
export interface MessagesTable {
  id: string;
  tenant_id: string;
  notification_id: string;
  kind: string;
  channel: NotificationChannel;
  recipient: MessageRecipient;
  to_address: string;
  status: MessageStatus;
  subject: string;
  urgent: boolean;
  attempts: number;
  segments: number;
  error_code: string | null;
  provider_ref: string | null;
  created_at: Timestamp;
  next_attempt_at: Timestamp | null;
  sent_at: Timestamp | null;
  delivered_at: Timestamp | null;
  failed_at: Timestamp | null;
  order_id: string | null;
  appointment_id: string | null;
  call_sid: string | null;
}

/** Projection of `notification_settings.updated`; the secrets are kept apart from the rest. */
export interface NotificationSettingsTable {
  tenant_id: string;
  settings: Json<Omit<NotificationSettingsValue, 'webhook'> & { webhook: { url: string } | null }>;
  webhook_secret: string | null;
  /** The secret before the last rotation, still signed with until `previous_secret_until`. */
  previous_webhook_secret: string | null;
  previous_secret_until: Timestamp | null;
  updated_at: Timestamp;
}

/** Projection of STOP / START per tenant and caller number. */
export interface SmsOptOutsTable {
  tenant_id: string;
  phone: string;
  opted_out: boolean;
  keyword: string;
  updated_at: Timestamp;
}

/** Fixed-window counters shared by every instance (tenant and sender-number limits). */
export interface NotificationRateLimitsTable {
  key: string;
  window_start: Timestamp;
  used: number;
}

declare module '../storage/schema.js' {
  interface Database {
    outbox: OutboxTable;
    messages: MessagesTable;
    notification_settings: NotificationSettingsTable;
    sms_opt_outs: SmsOptOutsTable;
    notification_rate_limits: NotificationRateLimitsTable;
  }
}

export type OutboxRow = Selectable<OutboxTable>;
export type MessageRow = Selectable<MessagesTable>;
