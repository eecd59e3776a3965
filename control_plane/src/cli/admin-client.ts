import type { ApiError } from '@vozlia/contract';

/** A failure the CLI reports in one line and exits 1 on. */
export class CliError extends Error {
  override name = 'CliError';
}

export interface AdminRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
}

const REQUEST_TIMEOUT_MS = 30_000;

/** The admin API over HTTP: bearer from the environment, JSON both ways, one clear error per failure. */
export class AdminClient {
  readonly #base: URL;
  readonly #token: string | undefined;

  constructor(baseUrl: string, token: string | undefined) {
    try {
      this.#base = new URL(baseUrl);
    } catch {
      throw new CliError(`--url ${JSON.stringify(baseUrl)} is not a URL (e.g. http://127.0.0.1:3000)`);
    }
    this.#token = token;
  }

  /** The parsed JSON body of a 2xx answer (undefined for 204); throws `CliError` otherwise. */
  async send(req: AdminRequest): Promise<unknown> {
    const url = new URL(req.path, this.#base);
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
    let res: Response;
    try {
      res = await fetch(url, {
        method: req.method,
        headers: {
          accept: 'application/json',
          ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(this.#token ? { authorization: `Bearer ${this.#token}` } : {}),
        },
        ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      const why = cause?.code ?? cause?.message ?? (err as Error).message;
      throw new CliError(`cannot reach ${this.#base.origin} (${why}): is the server running? --url points elsewhere`);
    }
    const text = await res.text();
    if (res.ok) return text ? parseJson(text, res.status) : undefined;
    throw new CliError(describeFailure(res.status, text, this.#token !== undefined));
  }
}

function parseJson(text: string, status: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new CliError(`the server answered ${status} with something that is not JSON: ${text.slice(0, 200)}`);
  }
}

function describeFailure(status: number, text: string, hadToken: boolean): string {
  let body: Partial<ApiError> = {};
  try {
    body = JSON.parse(text) as Partial<ApiError>;
  } catch {
    /* not JSON: reported raw below */
  }
  const what = body.error ? `${status} ${body.error}: ${body.message ?? ''}`.trim() : `${status}: ${text.slice(0, 200) || 'no body'}`;
  const field = body.field ? ` (field ${body.field})` : '';
  const hint = status === 401 ? (hadToken ? ' (is VOZ_ADMIN_TOKEN the server’s token?)' : ' (set VOZ_ADMIN_TOKEN to the server’s admin token)') : '';
  return `${what}${field}${hint}`;
}
