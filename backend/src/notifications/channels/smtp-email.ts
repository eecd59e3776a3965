import nodemailer, { type Transporter } from 'nodemailer';
import { networkFailure, type Channel, type OutboundMessage, type SendResult } from './channel.js';

/**
 * Email over SMTP with nodemailer. SMTP has no idempotency key; each message carries a stable
 * `Message-ID` (`<message id>@vozlia`) so a copy sent again after a crash is recognisable.
 */
export class SmtpEmailChannel implements Channel {
  readonly name = 'email' as const;
  readonly #transport: Transporter;
  readonly #from: string;
  readonly #domain: string;

  constructor(opts: { smtpUrl: string; from: string; timeoutMs: number }) {
    const url = new URL(opts.smtpUrl);
    this.#transport = nodemailer.createTransport({
      host: url.hostname,
      port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
      secure: url.protocol === 'smtps:',
      ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
      connectionTimeout: opts.timeoutMs,
      greetingTimeout: opts.timeoutMs,
      socketTimeout: opts.timeoutMs,
    });
    this.#from = opts.from;
    this.#domain = /@([^>\s]+)>?\s*$/.exec(opts.from)?.[1] ?? 'vozlia';
  }

  /** SMTP and Twilio requests are bounded by their own timeouts; an attempt is not cut short. */
  async send(m: OutboundMessage, _signal?: AbortSignal): Promise<SendResult> {
    if (m.body.kind !== 'email') return { ok: false, retryable: false, code: 'wrong_body' };
    try {
      const info = await this.#transport.sendMail({
        from: this.#from,
        to: m.to,
        subject: m.body.subject,
        text: m.body.text,
        messageId: `<${m.id}@${this.#domain}>`,
        headers: { 'X-Vozlia-Message-Id': m.id },
      });
      return { ok: true, providerRef: info.messageId, segments: 0 };
    } catch (err) {
      return failure(err);
    }
  }

  close(): void {
    this.#transport.close();
  }
}

/** SMTP replies: 4xx is a temporary refusal, 5xx a permanent one; no reply is a network problem. */
function failure(err: unknown): SendResult & { ok: false } {
  const code = (err as { responseCode?: number }).responseCode;
  if (typeof code !== 'number') return networkFailure(err);
  return { ok: false, retryable: code < 500, code: `smtp_${code}` };
}
