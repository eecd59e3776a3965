import {
  NotificationType,
  type EffectivePolicy,
  type MessageRecipient,
  type NotificationChannel,
  type NotificationSettingsValue,
} from '@vozlia/contract';
import { customerPhoneOf, type NotificationFacts } from './facts.js';
import { quietUntil } from './quiet-hours.js';

/** Contract §9 defaults: who hears about what when a tenant has set nothing. */
export const TYPE_DEFAULTS: Readonly<Record<NotificationType, EffectivePolicy>> = Object.freeze({
  order_placed: { owner: ['sms', 'email', 'webhook'], customer: true, urgent: false },
  appointment_requested: { owner: ['sms', 'email', 'webhook'], customer: true, urgent: false },
  missed_call: { owner: ['sms', 'email', 'webhook'], customer: false, urgent: false },
  call_summary_ready: { owner: ['email', 'webhook'], customer: false, urgent: false },
  // A saved skill names its own channel (sms, email or portal); the webhook comes on top.
  skill_result: { owner: ['webhook'], customer: false, urgent: false },
  transfer_unanswered: { owner: ['sms', 'email', 'webhook'], customer: false, urgent: true },
  message_recorded: { owner: ['sms', 'email', 'webhook'], customer: false, urgent: true },
});

/** Types with a caller to confirm to; the others never message a customer. */
const HAS_CUSTOMER: ReadonlySet<NotificationType> = new Set(['order_placed', 'appointment_requested']);
/** A caller left a message for a person: always urgent, and never routed to nobody. */
const CRITICAL: ReadonlySet<NotificationType> = new Set(['transfer_unanswered', 'message_recorded']);

/** Type defaults → tenant global (`customer_confirmations`) → the tenant's per-type choice. */
export function effectivePolicy(type: NotificationType, settings: NotificationSettingsValue): EffectivePolicy {
  const d = TYPE_DEFAULTS[type];
  const o = settings.policies[type] ?? {};
  const customerDefault = settings.customer_confirmations ? d.customer : false;
  const owner = o.owner ?? d.owner;
  return {
    owner: CRITICAL.has(type) && owner.length === 0 ? d.owner : owner,
    customer: HAS_CUSTOMER.has(type) && (o.customer ?? customerDefault),
    urgent: CRITICAL.has(type) ? d.urgent : (o.urgent ?? d.urgent),
  };
}

export function effectivePolicies(settings: NotificationSettingsValue): Record<NotificationType, EffectivePolicy> {
  return Object.fromEntries(NotificationType.options.map((t) => [t, effectivePolicy(t, settings)])) as Record<NotificationType, EffectivePolicy>;
}

/** Why a planned message will not be sent at all (recorded as failed with this code). */
export type BlockedReason = 'not_configured' | 'opted_out';

export interface PlannedDelivery {
  recipient: MessageRecipient;
  channel: NotificationChannel;
  /** E.164 number, email address or webhook URL. */
  to: string;
  urgent: boolean;
  /** Set while quiet hours hold it: the instant the window ends. */
  heldUntil: Date | null;
  blocked: BlockedReason | null;
}

export interface DeliveryInput {
  facts: NotificationFacts;
  settings: NotificationSettingsValue;
  zone: string;
  now: Date;
  /** Channels this deployment can send on (Twilio, SMTP configured); webhooks need only a URL. */
  available: Readonly<Record<NotificationChannel, boolean>>;
  /** The caller said STOP to this tenant. */
  customerOptedOut: boolean;
  /** Which sides the operator's feature switches let this tenant tell (default: both). */
  audience?: Audience;
}

/** `order_notification` (the caller's confirmations) and `owner_notification` (everything to the business), as resolved for one tenant. */
export interface Audience {
  owner: boolean;
  customer: boolean;
}

/**
 * Pure: every message one notification becomes. Quiet hours hold owner SMS and email that are
 * not urgent (machines and callers are not disturbed by them); STOP blocks customer messages
 * and never owner ones; a channel the deployment lacks is planned and marked `not_configured`,
 * so the tenant can see why nothing arrived.
 */
export function resolveDelivery(input: DeliveryInput): PlannedDelivery[] {
  const { facts, settings } = input;
  const policy = effectivePolicy(facts.type, settings);
  const audience = input.audience ?? { owner: true, customer: true };
  // A feature switched off plans nothing for its side: nothing to show, unlike a missing provider.
  const owner = new Set<NotificationChannel>(audience.owner ? policy.owner : []);
  if (facts.type === 'skill_result') {
    for (const c of ['sms', 'email'] as const) owner.delete(c);
    if (facts.channel !== 'portal' && audience.owner) owner.add(facts.channel);
  }
  const quiet = policy.urgent ? null : quietUntil(settings.quiet_hours, input.zone, input.now);
  const plan: PlannedDelivery[] = [];
  const add = (recipient: MessageRecipient, channel: NotificationChannel, to: string, opts: { held?: Date | null; optedOut?: boolean } = {}) => {
    const blocked: BlockedReason | null = channel !== 'webhook' && !input.available[channel] ? 'not_configured' : opts.optedOut ? 'opted_out' : null;
    plan.push({ recipient, channel, to, urgent: policy.urgent, heldUntil: blocked ? null : (opts.held ?? null), blocked });
  };
  if (owner.has('sms')) for (const to of new Set(settings.contacts.sms)) add('owner', 'sms', to, { held: quiet });
  if (owner.has('email')) for (const to of new Set(settings.contacts.email)) add('owner', 'email', to, { held: quiet });
  if (owner.has('webhook') && settings.webhook) add('webhook', 'webhook', settings.webhook.url);
  const caller = customerPhoneOf(facts);
  if (policy.customer && audience.customer && caller) add('customer', 'sms', caller, { optedOut: input.customerOptedOut });
  return plan;
}
