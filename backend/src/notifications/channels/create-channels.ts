import type { NotificationChannel } from '@vozlia/contract';
import type { Config } from '../../config/load-config.js';
import { notConfigured, type Channel } from './channel.js';
import { SmtpEmailChannel } from './smtp-email.js';
import { twilioRestClient } from './twilio-client.js';
import { TwilioSmsChannel } from './twilio-sms.js';
import { WebhookChannel } from './webhook.js';

/** Where Twilio reports delivery (`StatusCallback`), signed like every Twilio webhook. */
export const SMS_STATUS_PATH = '/twilio/sms-status';
/** Inbound SMS (STOP / START), the number's "a message comes in" webhook. */
export const SMS_INBOUND_PATH = '/twilio/sms';
/** A provider that does not answer within this is treated as down for this attempt. */
export const PROVIDER_TIMEOUT_MS = 15_000;

export type Channels = Readonly<Record<NotificationChannel, Channel>>;

export interface ChannelSet {
  channels: Channels;
  /** Which channels have a provider configured (webhooks only need the tenant's URL). */
  available: Readonly<Record<NotificationChannel, boolean>>;
  close(): void;
}

/** The real channels this configuration allows; the rest fail `not_configured`. */
export function createChannels(config: Config, clock: () => Date): ChannelSet {
  const { accountSid, apiBaseUrl } = config.twilio;
  const authToken = config.twilioAuthToken;
  const twilioReady = !!accountSid && !!authToken;
  const sms = twilioReady
    ? new TwilioSmsChannel(twilioRestClient({ accountSid, authToken, apiBaseUrl, timeoutMs: PROVIDER_TIMEOUT_MS }), `${config.publicBaseUrl}${SMS_STATUS_PATH}`)
    : notConfigured('sms');
  const email = config.email.smtpUrl ? new SmtpEmailChannel({ smtpUrl: config.email.smtpUrl, from: config.email.from, timeoutMs: PROVIDER_TIMEOUT_MS }) : undefined;
  // Outside local development (plain-http PUBLIC_BASE_URL), webhooks go to public https only.
  const webhook = new WebhookChannel({ allowPrivateNetworks: config.publicBaseUrl.startsWith('http:'), clock });
  return {
    channels: Object.freeze({ sms, email: email ?? notConfigured('email'), webhook }),
    available: Object.freeze({ sms: twilioReady, email: !!email, webhook: true }),
    close: () => email?.close(),
  };
}
