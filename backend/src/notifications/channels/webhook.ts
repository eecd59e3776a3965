import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { parseRetryAfter } from '../backoff.js';
import { SIGNATURE_HEADER, signatureHeader, WEBHOOK_ID_HEADER } from '../webhook-signature.js';
import { classifyHttpStatus, networkFailure, type Channel, type OutboundMessage, type SendResult } from './channel.js';
import { isPublicAddress, publicOnlyLookup } from './public-address.js';

/** Standard Webhooks: a receiver gets 15 s to answer. */
export const WEBHOOK_TIMEOUT_MS = 15_000;
/** Bytes of a receiver's answer read at most (it is not used, only drained). */
const MAX_RESPONSE_BYTES = 64 * 1024;

export interface WebhookChannelOptions {
  /** Local development and tests post to loopback/private addresses over http; production never does. */
  allowPrivateNetworks: boolean;
  clock: () => Date;
  timeoutMs?: number;
}

/**
 * Signed JSON POSTs (contract §9). Re-signed on every attempt (fresh timestamp), same
 * `Vozlia-Webhook-Id` on every retry so receivers can drop copies; no redirects are followed.
 */
export class WebhookChannel implements Channel {
  readonly name = 'webhook' as const;
  readonly #opts: Required<WebhookChannelOptions>;

  constructor(opts: WebhookChannelOptions) {
    this.#opts = { timeoutMs: WEBHOOK_TIMEOUT_MS, ...opts };
  }

  async send(m: OutboundMessage, signal: AbortSignal): Promise<SendResult> {
    if (m.body.kind !== 'webhook') return { ok: false, retryable: false, code: 'wrong_body' };
    if (m.secrets.length === 0) return { ok: false, retryable: false, code: 'no_secret' };
    let url: URL;
    try {
      url = new URL(m.to);
    } catch {
      return { ok: false, retryable: false, code: 'bad_url' };
    }
    if (url.protocol !== 'https:' && !(this.#opts.allowPrivateNetworks && url.protocol === 'http:')) {
      return { ok: false, retryable: false, code: 'https_required' };
    }
    // An address literal is never looked up, so it is checked here; names are checked on lookup.
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    if (!this.#opts.allowPrivateNetworks && isIP(literal) && !isPublicAddress(literal)) {
      return { ok: false, retryable: false, code: 'non_public_address' };
    }
    const raw = JSON.stringify({ id: m.id, type: m.body.type, tenant_id: m.tenantId, occurred_at: m.body.occurredAt, data: m.body.data });
    const now = this.#opts.clock();
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Vozlia-Webhooks/1',
      [WEBHOOK_ID_HEADER]: m.id,
      [SIGNATURE_HEADER]: signatureHeader(raw, m.secrets, now),
    };
    try {
      const { status, retryAfter } = await post(url, raw, headers, {
        signal: AbortSignal.any([signal, AbortSignal.timeout(this.#opts.timeoutMs)]),
        ...(this.#opts.allowPrivateNetworks ? {} : { lookup: publicOnlyLookup }),
      });
      if (status >= 200 && status < 300) return { ok: true, providerRef: `http_${status}`, segments: 0 };
      return classifyHttpStatus(status, parseRetryAfter(retryAfter, now));
    } catch (err) {
      if ((err as { code?: string }).code === 'non_public_address') return { ok: false, retryable: false, code: 'non_public_address' };
      return networkFailure(err);
    }
  }
}

function post(url: URL, body: string, headers: Record<string, string>, opts: { signal: AbortSignal; lookup?: LookupFunction }): Promise<{ status: number; retryAfter: string | undefined }> {
  const request = url.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, signal: opts.signal, ...(opts.lookup ? { lookup: opts.lookup } : {}) }, (res) => {
      let read = 0;
      res.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_RESPONSE_BYTES) res.destroy();
      });
      const done = () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] });
      res.on('end', done);
      res.on('close', done);
      res.on('error', done);
    });
    req.on('error', reject);
    req.end(body);
  });
}
