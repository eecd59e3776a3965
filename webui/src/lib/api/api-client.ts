import type { z } from 'zod';
import { ApiError, kindOf } from './api-error';
import { readErrorBody } from './error-body';

export type QueryParams = Record<string, string | number | boolean | null | undefined>;
type WriteMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A document with its version (`ETag`): sent back in `If-Match`, a save cannot overwrite a change made since. */
export interface Versioned<T> {
  doc: T;
  etag: string | null;
}

/** What a 412 `stale` means to the person at the form (a 412 `exists` keeps the server's words). */
const STALE_MESSAGE = 'This was changed since the page loaded it (by someone else, or in another tab). Reload the page to see that change, then make yours again.';

export interface ApiClientOptions {
  /** The CSRF token from login or `/api/auth/me`, sent back on every write. */
  csrfToken(): string | null;
  /** Admin console: `Authorization: Bearer …` instead of the session cookie. */
  bearerToken?(): string | null;
}

/**
 * The portal's one way to the API: same-origin fetch with the session cookie, JSON both ways,
 * every answer checked against its contract schema, every failure an `ApiError`.
 */
export class ApiClient {
  readonly #opts: ApiClientOptions;

  constructor(opts: ApiClientOptions) {
    this.#opts = opts;
  }

  async get<S extends z.ZodType>(path: string, schema: S, query?: QueryParams, signal?: AbortSignal): Promise<z.output<S>> {
    return (await this.#request('GET', withQuery(path, query), undefined, schema, signal)).doc as z.output<S>;
  }

  send<S extends z.ZodType>(method: WriteMethod, path: string, body: unknown, schema: S, signal?: AbortSignal): Promise<z.output<S>>;
  send(method: WriteMethod, path: string, body: unknown, schema: null, signal?: AbortSignal): Promise<void>;
  async send(method: WriteMethod, path: string, body: unknown, schema: z.ZodType | null, signal?: AbortSignal): Promise<unknown> {
    return (await this.#request(method, path, body, schema, signal)).doc;
  }

  /** A document with its `ETag`. */
  getVersioned<S extends z.ZodType>(path: string, schema: S, signal?: AbortSignal): Promise<Versioned<z.output<S>>> {
    return this.#request('GET', path, undefined, schema, signal) as Promise<Versioned<z.output<S>>>;
  }

  /**
   * A write over the version `etag` names (null: over whatever is stored; 'new': only if nothing
   * is stored yet). A change made since, or a document already there, is a 412 (kind `stale`).
   */
  putVersioned<S extends z.ZodType>(path: string, body: unknown, schema: S, etag: string | 'new' | null): Promise<Versioned<z.output<S>>> {
    const precondition: Record<string, string> = etag === 'new' ? { 'if-none-match': '*' } : etag ? { 'if-match': etag } : {};
    return this.#request('PUT', path, body, schema, undefined, precondition) as Promise<Versioned<z.output<S>>>;
  }

  async #request(method: string, path: string, body: unknown, schema: z.ZodType | null, signal?: AbortSignal, extra: Record<string, string> = {}): Promise<Versioned<unknown>> {
    const headers: Record<string, string> = { accept: 'application/json', ...extra };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const bearer = this.#opts.bearerToken?.();
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (method !== 'GET') {
      const csrf = this.#opts.csrfToken();
      if (csrf) headers['x-csrf-token'] = csrf;
    }
    let res: Response;
    try {
      res = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? null : JSON.stringify(body), ...(signal ? { signal } : {}) });
    } catch (err) {
      if (signal?.aborted) throw err;
      throw new ApiError({ kind: 'network', status: 0, message: 'The server could not be reached. Check your connection and try again.' });
    }
    const payload: unknown = res.status === 204 ? null : await res.json().catch(() => null);
    if (!res.ok) {
      const read = readErrorBody(payload, res.status >= 500 ? 'Something went wrong on the server. Try again in a moment.' : `Request failed (${res.status}).`);
      const retry = Number(res.headers.get('retry-after'));
      throw new ApiError({ kind: kindOf(res.status), status: res.status, message: read.code === 'stale' ? STALE_MESSAGE : read.message, code: read.code, fieldErrors: read.fieldErrors, fieldPaths: read.fieldPaths, retryAfterSeconds: Number.isFinite(retry) && retry > 0 ? retry : null });
    }
    const etag = res.headers.get('etag');
    if (!schema) return { doc: undefined, etag };
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const where = parsed.error.issues[0]?.path.join('.') || 'the body';
      throw new ApiError({ kind: 'bad_response', status: res.status, message: `The server's answer did not match what the portal expects (${where}).` });
    }
    return { doc: parsed.data, etag };
  }
}

export function withQuery(path: string, query?: QueryParams): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** `/api/tenants/<id>/<rest>` with each segment encoded. */
export function tenantPath(tenantId: string, ...segments: string[]): string {
  return ['/api/tenants', tenantId, ...segments].map((s, i) => (i === 0 ? s : encodeURIComponent(s))).join('/');
}
