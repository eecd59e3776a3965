import type { NotificationChannel } from '@vozlia/contract';
import type { OutboxBody } from '../tables.js';

/** One message as a channel sees it. */
export interface OutboundMessage {
  id: string;
  tenantId: string;
  channel: NotificationChannel;
  to: string;
  /** SMS sender (E.164); null elsewhere. */
  from: string | null;
  body: OutboxBody;
  /** 1-based. */
  attempt: number;
  /** Webhook signing secrets, current first (two while a secret rotates); empty elsewhere. */
  secrets: readonly string[];
}

export type SendResult =
  | { ok: true; providerRef: string; segments: number }
  | { ok: false; retryable: boolean; code: string; retryAfterMs?: number };

/** A real client behind one small interface: SMS (Twilio REST), email (SMTP), webhooks. */
export interface Channel {
  readonly name: NotificationChannel;
  send(message: OutboundMessage, signal: AbortSignal): Promise<SendResult>;
  /**
   * After a crash between sending and recording it: the provider's reference of this message
   * if the provider can tell it was sent (else null, and it is sent again). Optional: a channel
   * whose provider keeps no record cannot answer.
   */
  findSent?(message: OutboundMessage, since: Date): Promise<string | null>;
}

/** Codes that end a message at once as `failed` (nothing was tried or nothing may be). */
export const FAILED_AT_ONCE: ReadonlySet<string> = new Set(['not_configured', 'opted_out', 'no_sender']);

/** HTTP answers: 408, 429 and 5xx are worth retrying; 410 means the endpoint is gone; other 4xx never work. */
export function classifyHttpStatus(status: number, retryAfterMs?: number): SendResult & { ok: false } {
  if (status === 410) return { ok: false, retryable: false, code: 'endpoint_gone' };
  const retryable = status === 408 || status === 429 || status >= 500 || (status >= 300 && status < 400);
  return { ok: false, retryable, code: `http_${status}`, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
}

/** A channel this deployment has no provider for: every message fails `not_configured`. */
export function notConfigured(name: NotificationChannel): Channel {
  return { name, send: async () => ({ ok: false, retryable: false, code: 'not_configured' }) };
}

/** Network failures (refused, reset, timed out, aborted) are transient. */
export function networkFailure(err: unknown): SendResult & { ok: false } {
  const e = err as { code?: string; name?: string } | undefined;
  const code = e?.name === 'AbortError' || e?.name === 'TimeoutError' ? 'timeout' : (e?.code ?? 'network_error');
  return { ok: false, retryable: true, code: String(code).toLowerCase() };
}
