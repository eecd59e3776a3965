import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SIGNATURE_HEADER, verifySignature, WEBHOOK_ID_HEADER } from '../notifications/webhook-signature.js';

export interface ReceivedWebhook {
  id: string | undefined;
  /** The raw body exactly as received. */
  raw: string;
  body: unknown;
  signature: string | undefined;
  /** Checked with `verifySignature`, as a receiver following the README would. */
  verified: boolean;
  status: number;
}

/**
 * A webhook endpoint on a local port that verifies `Vozlia-Signature` like a receiver would
 * (401 when it does not), keeps every delivery, and can answer a chosen status for the next N
 * deliveries (500 for a while, 410 Gone, …).
 */
export class WebhookReceiver {
  readonly deliveries: ReceivedWebhook[] = [];
  readonly #server: Server;
  #secrets: readonly string[];
  readonly #clock: () => Date;
  #answers: { remaining: number; status: number } = { remaining: 0, status: 500 };

  private constructor(secrets: readonly string[], clock: () => Date) {
    this.#server = createServer((req, res) => {
      void readBody(req).then((raw) => {
        const status = this.#accept(req, raw);
        res.writeHead(status, { 'content-type': 'text/plain' });
        res.end(status < 300 ? 'ok' : 'no');
      });
    });
    this.#secrets = secrets;
    this.#clock = clock;
  }

  static async start(opts: { secrets?: readonly string[]; clock?: () => Date } = {}): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver(opts.secrets ?? [], opts.clock ?? (() => new Date()));
    await new Promise<void>((resolve) => receiver.#server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/hooks/vozlia`;
  }

  /** The secrets to verify with (set once the tenant's secret is known). */
  useSecrets(secrets: readonly string[]): void {
    this.#secrets = secrets;
  }

  answerNext(n: number, status: number): void {
    this.#answers = { remaining: n, status };
  }

  /** Deliveries that verified, one per webhook id (what a deduplicating receiver keeps). */
  uniqueVerified(): ReceivedWebhook[] {
    const seen = new Map<string, ReceivedWebhook>();
    for (const d of this.deliveries) if (d.verified && d.id && !seen.has(d.id)) seen.set(d.id, d);
    return [...seen.values()];
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.#server.closeAllConnections();
      this.#server.close(() => resolve());
    });
  }

  #accept(req: IncomingMessage, raw: string): number {
    const signature = req.headers[SIGNATURE_HEADER.toLowerCase()] as string | undefined;
    const id = req.headers[WEBHOOK_ID_HEADER.toLowerCase()] as string | undefined;
    const verified = verifySignature(raw, signature, this.#secrets, this.#clock());
    let status = verified ? 200 : 401;
    if (verified && this.#answers.remaining > 0) {
      this.#answers.remaining--;
      status = this.#answers.status;
    }
    let body: unknown = null;
    try {
      body = JSON.parse(raw);
    } catch {
      body = null;
    }
    this.deliveries.push({ id, raw, body, signature, verified, status });
    return status;
  }
}

/** The whole request body as text (the fakes need the raw bytes, before any parsing). */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
