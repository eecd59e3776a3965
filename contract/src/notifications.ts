import { z } from 'zod';
import { PageQuery } from './pagination.js';

/** Contract §9: messages out. The tenant API's notifications section and the webhook envelope. */

export const NotificationChannel = z.enum(['sms', 'email', 'webhook']);
export type NotificationChannel = z.infer<typeof NotificationChannel>;

/** What a notification is about; each has default recipients (see the backend's policy). */
export const NotificationType = z.enum([
  'order_placed',
  'appointment_requested',
  'missed_call',
  'call_summary_ready',
  'skill_result',
  'transfer_unanswered',
  'message_recorded',
]);
export type NotificationType = z.infer<typeof NotificationType>;

/** Who a message is for: the business's own contacts, the caller, or the tenant's webhook. */
export const MessageRecipient = z.enum(['owner', 'customer', 'webhook']);
export type MessageRecipient = z.infer<typeof MessageRecipient>;

export const MessageStatus = z.enum(['queued', 'held', 'sending', 'retrying', 'sent', 'delivered', 'failed', 'dead']);
export type MessageStatus = z.infer<typeof MessageStatus>;

export const PhoneNumber = z.string().trim().regex(/^\+[1-9]\d{6,14}$/, 'phone numbers must be E.164, like +15550109001');
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'times are HH:MM on a 24-hour clock');

/** Local times in the tenant's zone; a window may cross midnight (22:00 → 07:00). */
export const QuietHours = z
  .object({ start: ClockTime, end: ClockTime })
  .refine((q) => q.start !== q.end, { message: 'quiet hours must start and end at different times', path: ['end'] });
export type QuietHours = z.infer<typeof QuietHours>;

/** `whsec_` + base64 of 24–64 random bytes (Standard Webhooks). */
export const WebhookSecret = z.string().regex(/^whsec_[A-Za-z0-9+/_-]{32,86}={0,2}$/, 'webhook secrets are whsec_ followed by 24 to 64 bytes in base64');

/** A tenant's choice for one notification type; anything left out keeps the type's default. */
export const TypePolicy = z.strictObject({
  /** Channels to the business's own contacts (every contact of that channel gets one). */
  owner: z
    .array(NotificationChannel)
    .max(3)
    .refine((c) => new Set(c).size === c.length, 'channels must not repeat')
    .optional(),
  /** A confirmation SMS to the caller (only types that have a caller). */
  customer: z.boolean().optional(),
  /** Urgent messages pass quiet hours; others wait until the window ends. */
  urgent: z.boolean().optional(),
});
export type TypePolicy = z.infer<typeof TypePolicy>;

const Contacts = z.strictObject({
  sms: z.array(PhoneNumber).max(5).default([]),
  email: z.array(z.string().trim().toLowerCase().max(254).pipe(z.email({ error: 'must be an email address' }))).max(5).default([]),
});

/** `PUT …/notifications/settings`: the whole section. A webhook without `secret` keeps the stored one (or gets a new one). */
export const NotificationSettingsInput = z.strictObject({
  contacts: Contacts.default({ sms: [], email: [] }),
  webhook: z
    .strictObject({
      url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000),
      secret: WebhookSecret.optional(),
    })
    .nullable()
    .default(null),
  quiet_hours: QuietHours.nullable().default(null),
  customer_confirmations: z.boolean().default(true),
  policies: z.partialRecord(NotificationType, TypePolicy).default({}),
});
export type NotificationSettingsInput = z.input<typeof NotificationSettingsInput>;
export type NotificationSettingsValue = z.output<typeof NotificationSettingsInput>;

/** The effective routing of one type after defaults and the tenant's choices. */
export const EffectivePolicy = z.object({ owner: z.array(NotificationChannel), customer: z.boolean(), urgent: z.boolean() });
export type EffectivePolicy = z.infer<typeof EffectivePolicy>;

/** `GET`/`PUT …/notifications/settings`: the secret is never shown again, only its last characters. */
export const NotificationSettings = z.object({
  contacts: z.object({ sms: z.array(z.string()), email: z.array(z.string()) }),
  webhook: z.object({ url: z.string(), secret_hint: z.string() }).nullable(),
  quiet_hours: QuietHours.nullable(),
  customer_confirmations: z.boolean(),
  policies: z.partialRecord(NotificationType, TypePolicy),
  /** Per type, what will actually happen (defaults merged with `policies`). */
  effective: z.record(NotificationType, EffectivePolicy),
  time_zone: z.string(),
  /** Only in the `PUT` answer that created a webhook secret: shown once. */
  new_webhook_secret: z.string().optional(),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;

/** One delivery to one recipient on one channel. */
export const NotificationMessage = z.object({
  id: z.string(),
  kind: z.string(),
  channel: NotificationChannel,
  recipient: MessageRecipient,
  to: z.string(),
  status: MessageStatus,
  subject: z.string(),
  attempts: z.number().int(),
  segments: z.number().int(),
  error_code: z.string().nullable(),
  provider_ref: z.string().nullable(),
  created_at: z.string(),
  next_attempt_at: z.string().nullable(),
  sent_at: z.string().nullable(),
  delivered_at: z.string().nullable(),
  order_id: z.string().nullable(),
  appointment_id: z.string().nullable(),
  call_sid: z.string().nullable(),
});
export type NotificationMessage = z.infer<typeof NotificationMessage>;

/** `GET …/notifications/messages`: newest first, narrowed by status or by what they belong to. */
export const MessageListQuery = PageQuery.extend({
  status: MessageStatus.optional(),
  order_id: z.string().max(100).optional(),
  appointment_id: z.string().max(100).optional(),
  call_sid: z.string().max(100).optional(),
});
export type MessageListQuery = z.infer<typeof MessageListQuery>;

/** The JSON body of every webhook POST (contract §9); `id` is the same on every retry. */
export const WebhookEnvelope = z.object({
  id: z.string(),
  type: z.string(),
  tenant_id: z.string(),
  occurred_at: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type WebhookEnvelope = z.infer<typeof WebhookEnvelope>;
