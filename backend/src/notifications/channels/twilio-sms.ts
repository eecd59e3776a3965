import type twilio from 'twilio';
import { smsLength } from '../sms-segments.js';
import { classifyHttpStatus, networkFailure, type Channel, type OutboundMessage, type SendResult } from './channel.js';
import { TwilioHttpError } from './twilio-client.js';

/** Twilio refuses a number that texted STOP to the sender (its own opt-out list). */
const TWILIO_UNSUBSCRIBED = 21610;
/** Recent messages to one number looked at when reconciling after a crash. */
const RECONCILE_LOOKBACK = 20;

/**
 * SMS through Twilio's Messages API. Twilio has no idempotency key, so a crash after Twilio
 * accepted a message is reconciled by listing the latest messages from the same sender to the
 * same number and matching the body and creation time (`findSent`).
 */
export class TwilioSmsChannel implements Channel {
  readonly name = 'sms' as const;
  readonly #client: twilio.Twilio;
  readonly #statusCallbackUrl: string;

  constructor(client: twilio.Twilio, statusCallbackUrl: string) {
    this.#client = client;
    this.#statusCallbackUrl = statusCallbackUrl;
  }

  /** SMTP and Twilio requests are bounded by their own timeouts; an attempt is not cut short. */
  async send(m: OutboundMessage, _signal?: AbortSignal): Promise<SendResult> {
    if (m.body.kind !== 'sms') return { ok: false, retryable: false, code: 'wrong_body' };
    if (!m.from) return { ok: false, retryable: false, code: 'no_sender' };
    try {
      // The message id rides in the callback URL, so a delivery report finds its message even
      // when it arrives before the send is recorded (or after a crash that lost it).
      const statusCallback = `${this.#statusCallbackUrl}?m=${encodeURIComponent(m.id)}`;
      const sent = await this.#client.messages.create({ to: m.to, from: m.from, body: m.body.text, statusCallback });
      const segments = Number(sent.numSegments) || smsLength(m.body.text).segments;
      return { ok: true, providerRef: sent.sid, segments };
    } catch (err) {
      return failure(err);
    }
  }

  async findSent(m: OutboundMessage, since: Date): Promise<string | null> {
    if (m.body.kind !== 'sms' || !m.from) return null;
    const recent = await this.#client.messages.list({ to: m.to, from: m.from, limit: RECONCILE_LOOKBACK });
    const text = m.body.text;
    const match = recent.find((r) => r.body === text && r.dateCreated.getTime() >= since.getTime() - 1000);
    return match?.sid ?? null;
  }
}

function failure(err: unknown): SendResult & { ok: false } {
  if (!(err instanceof TwilioHttpError)) return networkFailure(err);
  if (err.twilioCode === TWILIO_UNSUBSCRIBED) return { ok: false, retryable: false, code: 'opted_out' };
  const http = classifyHttpStatus(err.status, err.retryAfterMs);
  // Twilio's own code says more than the HTTP status (21211: invalid To; 21610: recipient said STOP).
  return err.twilioCode ? { ...http, code: `twilio_${err.twilioCode}` } : http;
}
