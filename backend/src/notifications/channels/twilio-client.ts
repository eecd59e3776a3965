import twilio from 'twilio';
import { parseRetryAfter } from '../backoff.js';

type RequestOptions = Parameters<InstanceType<typeof twilio.RequestClient>['request']>[0];
type Response = Awaited<ReturnType<InstanceType<typeof twilio.RequestClient>['request']>>;

/** Twilio's own error body (`{code, message, more_info, status}`), kept with what the SDK drops. */
export class TwilioHttpError extends Error {
  override name = 'TwilioHttpError';
  constructor(
    readonly status: number,
    readonly twilioCode: number | null,
    readonly retryAfterMs: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

/**
 * twilio-node's supported hook (`httpClient`, see its advanced-examples/custom-http-client.md):
 * every request keeps its path and query but goes to `TWILIO_API_BASE_URL`, never follows a
 * redirect, and a non-2xx answer becomes a `TwilioHttpError` carrying `Retry-After`.
 */
export class BaseUrlRequestClient extends twilio.RequestClient {
  readonly #base: URL;

  constructor(baseUrl: string, timeoutMs: number) {
    super({ timeout: timeoutMs, keepAlive: true });
    this.#base = new URL(baseUrl);
  }

  override async request<T>(opts: RequestOptions): Promise<Response & { body: T }> {
    const target = new URL(opts.uri);
    const uri = new URL(`${this.#base.pathname.replace(/\/+$/, '')}${target.pathname}${target.search}`, this.#base.origin).toString();
    const res = (await super.request({ ...opts, uri, allowRedirects: false })) as Response & { body: T };
    if (res.statusCode >= 200 && res.statusCode < 300) return res;
    const body = (typeof res.body === 'string' ? safeJson(res.body) : res.body) as { code?: number; message?: string } | null;
    const retryAfter = parseRetryAfter(res.headers?.['retry-after'] as string | undefined, new Date());
    throw new TwilioHttpError(res.statusCode, body?.code ?? null, retryAfter, body?.message ?? `HTTP ${res.statusCode}`);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** A Twilio REST client for one account, pointed at `apiBaseUrl` (contract §9). */
export function twilioRestClient(opts: { accountSid: string; authToken: string; apiBaseUrl: string; timeoutMs: number }): twilio.Twilio {
  return twilio(opts.accountSid, opts.authToken, { httpClient: new BaseUrlRequestClient(opts.apiBaseUrl, opts.timeoutMs) });
}
