import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import type { MessageInstance, MessageStatus } from 'twilio/lib/rest/api/v2010/account/message.js';
import { smsLength } from '../notifications/sms-segments.js';
import { readBody } from './webhook-receiver.js';

/** A Message resource as Twilio's JSON carries it (the SDK's `MessageResource`; dates are RFC 2822 strings on the wire). */
type MessageResource = ConstructorParameters<typeof MessageInstance>[1];
export type MessageJson = Omit<MessageResource, 'date_created' | 'date_sent' | 'date_updated'> & {
  date_created: string;
  date_sent: string | null;
  date_updated: string;
};

export interface RecordedRequest {
  method: string;
  path: string;
  /** Form fields (POST) or query parameters (GET). */
  params: Record<string, string>;
  authorized: boolean;
  /** The HTTP status the fake answered. */
  status: number;
  /** performance.now() when the request arrived (latency checks). */
  at: number;
}

export interface SentMessage {
  json: MessageJson;
  statusCallback: string | null;
}

const E164 = /^\+[1-9]\d{6,14}$/;
const MESSAGES = /^\/2010-04-01\/Accounts\/(AC[0-9a-fA-F]{32})\/Messages\.json$/;
const CALL = /^\/2010-04-01\/Accounts\/(AC[0-9a-fA-F]{32})\/Calls\/(CA[0-9a-zA-Z]+)\.json$/;

/**
 * An HTTP server playing Twilio's REST API for messages (create, list) and call updates, on a
 * local port: HTTP Basic auth against one account, form-encoded bodies, Twilio's JSON shapes
 * and error bodies. It records every request, can answer 5xx for the next N requests or for
 * all of them, and plays delivery reports to a message's `StatusCallback`, signed.
 */
export class TwilioRestFake {
  readonly requests: RecordedRequest[] = [];
  /** Messages Twilio accepted (each create that answered 201). */
  readonly messages: SentMessage[] = [];
  readonly #server: Server;
  readonly #accountSid: string;
  readonly #authToken: string;
  readonly #clock: () => Date;
  #failures: { remaining: number; status: number; code: number; retryAfter?: string } = { remaining: 0, status: 500, code: 20500 };

  private constructor(accountSid: string, authToken: string, clock: () => Date) {
    this.#server = createServer((req, res) => void this.#handle(req, res));
    this.#accountSid = accountSid;
    this.#authToken = authToken;
    this.#clock = clock;
  }

  /** `clock` stamps `date_created` (share the test's clock so times compare). */
  static async start(opts: { accountSid?: string; authToken?: string; clock?: () => Date } = {}): Promise<TwilioRestFake> {
    const fake = new TwilioRestFake(opts.accountSid ?? `AC${'0'.repeat(31)}1`, opts.authToken ?? 'fake-twilio-auth-token', opts.clock ?? (() => new Date()));
    await new Promise<void>((resolve) => fake.#server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  get accountSid(): string {
    return this.#accountSid;
  }

  get authToken(): string {
    return this.#authToken;
  }

  /** The next `n` requests (any path) answer `status` with Twilio's error JSON (`code`), then service resumes. */
  failNext(n: number, status = 500, opts: { code?: number; retryAfterSeconds?: number } = {}): void {
    this.#failures = { remaining: n, status, code: opts.code ?? 20500, ...(opts.retryAfterSeconds !== undefined ? { retryAfter: String(opts.retryAfterSeconds) } : {}) };
  }

  failAlways(status = 500): void {
    this.failNext(Number.POSITIVE_INFINITY, status);
  }

  recover(): void {
    this.#failures = { remaining: 0, status: 500, code: 20500 };
  }

  /** Live-call updates (`POST …/Calls/{CallSid}.json`) Twilio accepted for this call. */
  callUpdates(callSid: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === 'POST' && r.status === 200 && r.path.endsWith(`/Calls/${callSid}.json`));
  }

  messagesTo(to: string): SentMessage[] {
    return this.messages.filter((m) => m.json.to === to);
  }

  /** Plays Twilio's delivery report for a sent message to its StatusCallback, signed with the auth token. */
  async report(sid: string, status: Extract<MessageStatus, 'sent' | 'delivered' | 'undelivered' | 'failed'>, errorCode?: number): Promise<number> {
    const sent = this.messages.find((m) => m.json.sid === sid);
    if (!sent?.statusCallback) throw new Error(`message ${sid} has no StatusCallback`);
    const params: Record<string, string> = {
      MessageSid: sid,
      SmsSid: sid,
      AccountSid: this.#accountSid,
      From: sent.json.from,
      To: sent.json.to,
      MessageStatus: status,
      SmsStatus: status,
      ...(errorCode ? { ErrorCode: String(errorCode) } : {}),
    };
    const res = await fetch(sent.statusCallback, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(this.#authToken, sent.statusCallback, params) },
      body: new URLSearchParams(params).toString(),
    });
    return res.status;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.#server.closeAllConnections();
      this.#server.close(() => resolve());
    });
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const arrivedAt = performance.now();
    const url = new URL(req.url ?? '/', 'http://fake');
    const raw = await readBody(req);
    const params = Object.fromEntries(req.method === 'GET' ? url.searchParams : new URLSearchParams(raw));
    const record = (status: number) => this.requests.push({ method: req.method ?? '', path: url.pathname, params, authorized, status, at: arrivedAt });
    const authorized = req.headers.authorization === `Basic ${Buffer.from(`${this.#accountSid}:${this.#authToken}`).toString('base64')}`;
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      record(status);
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    const error = (status: number, code: number, message: string) => reply(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });

    const messages = MESSAGES.exec(url.pathname);
    const call = CALL.exec(url.pathname);
    if (!messages && !call) return error(404, 20404, 'The requested resource was not found');
    if (!authorized || (messages ?? call)![1] !== this.#accountSid) return error(401, 20003, 'Authenticate');
    if (this.#failures.remaining > 0) {
      this.#failures.remaining--;
      const headers: Record<string, string> = this.#failures.retryAfter ? { 'retry-after': this.#failures.retryAfter } : {};
      const { status, code } = this.#failures;
      record(status);
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      return void res.end(JSON.stringify({ code, message: 'Failure injected by the fake', more_info: `https://www.twilio.com/docs/errors/${code}`, status }));
    }
    if (call) {
      if (req.method !== 'POST') return error(405, 20004, 'Method not allowed');
      return reply(200, { sid: call[2], account_sid: this.#accountSid, status: params.Status ?? 'in-progress' });
    }
    if (req.method === 'GET') return reply(200, this.#page(params));
    if (req.method !== 'POST') return error(405, 20004, 'Method not allowed');
    if (!params.To || !E164.test(params.To)) return error(400, 21211, `The 'To' number ${params.To ?? ''} is not a valid phone number.`);
    if (!params.From) return error(400, 21603, "A 'From' phone number is required.");
    if (!params.Body) return error(400, 21602, 'Message body is required.');
    const json = this.#message(params);
    this.messages.push({ json, statusCallback: params.StatusCallback ?? null });
    return reply(201, json);
  }

  #message(p: Record<string, string>): MessageJson {
    const sid = `SM${randomBytes(16).toString('hex')}`;
    const now = this.#clock().toUTCString().replace('GMT', '+0000');
    return {
      sid,
      account_sid: this.#accountSid,
      api_version: '2010-04-01',
      body: p.Body!,
      direction: 'outbound-api',
      from: p.From!,
      to: p.To!,
      status: 'queued',
      num_segments: String(smsLength(p.Body!).segments),
      num_media: '0',
      messaging_service_sid: null as unknown as string,
      error_code: null as unknown as number,
      error_message: null as unknown as string,
      price: null as unknown as string,
      price_unit: 'USD',
      date_created: now,
      date_updated: now,
      date_sent: null,
      uri: `/2010-04-01/Accounts/${this.#accountSid}/Messages/${sid}.json`,
      subresource_uris: { media: `/2010-04-01/Accounts/${this.#accountSid}/Messages/${sid}/Media.json` },
    };
  }

  /** Newest first, narrowed by To and From, one page. */
  #page(q: Record<string, string>) {
    const list = this.messages
      .map((m) => m.json)
      .filter((m) => (!q.To || m.to === q.To) && (!q.From || m.from === q.From))
      .reverse();
    const size = Math.min(Number(q.PageSize) || 50, 1000);
    return { messages: list.slice(0, size), page: 0, page_size: size, start: 0, end: Math.max(0, Math.min(size, list.length) - 1), next_page_uri: null, previous_page_uri: null, first_page_uri: '', uri: '' };
  }
}
