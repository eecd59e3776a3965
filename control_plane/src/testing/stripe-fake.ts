import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fake received it; form fields stay flat, as on the wire (`metadata[k]`). */
export interface StripeFakeRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  params: Record<string, string>;
  /** True when the response was Stripe's stored first answer for this key. */
  replayed: boolean;
}

interface Stored {
  fingerprint: string;
  status: number;
  body: unknown;
}

type Obj = Record<string, unknown>;

/**
 * A local HTTP server speaking the subset of Stripe's API billing uses: customers, invoices,
 * invoice items, finalize. Like Stripe it checks the bearer key, stores the first response per
 * `Idempotency-Key` and replays it for a repeat (an error for the same key with other params),
 * and it can drop the connection after acting, which is what a crash mid-request looks like.
 */
export class StripeFake {
  readonly requests: StripeFakeRequest[] = [];
  readonly customers = new Map<string, Obj>();
  readonly invoices = new Map<string, Obj>();
  readonly invoiceItems = new Map<string, Obj>();
  readonly #server: Server;
  readonly #secretKey: string;
  readonly #idempotency = new Map<string, Stored>();
  #seq = 0;
  #drops: { match: (r: StripeFakeRequest) => boolean; left: number }[] = [];

  private constructor(server: Server, secretKey: string) {
    this.#server = server;
    this.#secretKey = secretKey;
  }

  static async start(secretKey = 'sk_test_vozlia_fake'): Promise<StripeFake> {
    const server = createServer();
    const fake = new StripeFake(server, secretKey);
    server.on('request', (req, res) => void fake.#handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  get secretKey(): string {
    return this.#secretKey;
  }

  /** The next `times` requests that match are carried out, then the connection is cut unanswered. */
  dropResponseAfterActing(match: (r: StripeFakeRequest) => boolean, times = 1): void {
    this.#drops.push({ match, left: times });
  }

  /** Answers every request again (after `dropResponseAfterActing(…, Infinity)`: Stripe is back). */
  stopDropping(): void {
    this.#drops = [];
  }

  posts(path?: string | RegExp): StripeFakeRequest[] {
    return this.requests.filter((r) => r.method === 'POST' && (path === undefined || (typeof path === 'string' ? r.path === path : path.test(r.path))));
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://stripe.local');
    const params = Object.fromEntries(new URLSearchParams(req.method === 'GET' ? url.search : raw));
    const key = headerValue(req.headers['idempotency-key']);
    const rec: StripeFakeRequest = { method: req.method ?? 'GET', path: url.pathname, idempotencyKey: key, params, replayed: false };
    this.requests.push(rec);
    if (headerValue(req.headers.authorization) !== `Bearer ${this.#secretKey}`) {
      return send(res, 401, stripeError('invalid_request_error', 'Invalid API Key provided'));
    }
    const fingerprint = `${rec.method} ${rec.path} ${JSON.stringify(Object.entries(params).sort())}`;
    let status: number;
    let body: unknown;
    const stored = key && rec.method === 'POST' ? this.#idempotency.get(key) : undefined;
    if (stored) {
      if (stored.fingerprint !== fingerprint) {
        return send(res, 400, stripeError('idempotency_error', `Keys for idempotent requests can only be used with the same parameters they were first used with.`));
      }
      rec.replayed = true;
      ({ status, body } = stored);
    } else {
      [status, body] = this.#route(rec);
      if (key && rec.method === 'POST') this.#idempotency.set(key, { fingerprint, status, body });
    }
    const drop = this.#drops.find((d) => d.left > 0 && d.match(rec));
    if (drop) {
      drop.left--;
      res.socket?.destroy();
      return;
    }
    send(res, status, body, rec.replayed ? { 'idempotent-replayed': 'true' } : {});
  }

  #route(r: StripeFakeRequest): [number, unknown] {
    const p = r.params;
    const m = /^\/v1\/invoices\/([^/]+)(\/finalize)?$/.exec(r.path);
    if (r.method === 'POST' && r.path === '/v1/customers') {
      const c = { id: this.#id('cus'), object: 'customer', name: p.name ?? null, metadata: metadataOf(p) };
      this.customers.set(c.id, c);
      return [200, c];
    }
    if (r.method === 'POST' && r.path === '/v1/invoices') {
      if (!p.customer || !this.customers.has(p.customer)) return [400, stripeError('invalid_request_error', 'No such customer')];
      const inv = { id: this.#id('in'), object: 'invoice', customer: p.customer, currency: p.currency ?? 'usd', status: 'draft', total: 0, auto_advance: p.auto_advance === 'true', collection_method: p.collection_method, metadata: metadataOf(p) };
      this.invoices.set(inv.id, inv);
      return [200, inv];
    }
    if (r.method === 'POST' && r.path === '/v1/invoiceitems') {
      const inv = p.invoice ? this.invoices.get(p.invoice) : undefined;
      if (!p.customer || !this.customers.has(p.customer)) return [400, stripeError('invalid_request_error', 'No such customer')];
      if (p.invoice && !inv) return [400, stripeError('invalid_request_error', 'No such invoice')];
      if (inv && inv.status !== 'draft') return [400, stripeError('invalid_request_error', 'Invoice is not a draft')];
      const amount = Number(p.amount);
      if (!Number.isInteger(amount)) return [400, stripeError('invalid_request_error', 'amount must be an integer')];
      const item = { id: this.#id('ii'), object: 'invoiceitem', customer: p.customer, invoice: p.invoice ?? null, amount, currency: p.currency, description: p.description ?? null, metadata: metadataOf(p) };
      this.invoiceItems.set(item.id, item);
      if (inv) inv.total = (inv.total as number) + amount;
      return [200, item];
    }
    if (m && r.method === 'POST' && m[2]) {
      const inv = this.invoices.get(m[1]!);
      if (!inv) return [404, stripeError('invalid_request_error', 'No such invoice')];
      if (inv.status !== 'draft') return [400, stripeError('invalid_request_error', 'This invoice is already finalized')];
      inv.status = 'open';
      return [200, inv];
    }
    if (m && r.method === 'GET' && !m[2]) {
      const inv = this.invoices.get(m[1]!);
      return inv ? [200, inv] : [404, stripeError('invalid_request_error', 'No such invoice')];
    }
    return [404, stripeError('invalid_request_error', `Unrecognized request URL (${r.method}: ${r.path})`)];
  }

  #id(prefix: string): string {
    return `${prefix}_fake${String(++this.#seq).padStart(6, '0')}`;
  }
}

function metadataOf(p: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(p)) {
    const m = /^metadata\[(.+)\]$/.exec(k);
    if (m) out[m[1]!] = v;
  }
  return out;
}

function stripeError(type: string, message: string) {
  return { error: { type, message } };
}

function headerValue(h: string | string[] | undefined): string | null {
  return (Array.isArray(h) ? h[0] : h) ?? null;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_fake_${Date.now()}`, ...headers });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
