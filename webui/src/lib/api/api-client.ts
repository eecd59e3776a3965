import type { z } from 'zod';
import { ApiError, kindOf } from './api-error';
import { readErrorBody } from './error-body';

export type QueryParams = Record<string, string | number | boolean | null | undefined>;
type WriteMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

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

  get<S extends z.ZodType>(path: string, schema: S, query?: QueryParams, signal?: AbortSignal): Promise<z.output<S>> {
    return this.#request('GET', withQuery(path, query), undefined, schema, signal) as Promise<z.output<S>>;
  }

  send<S extends z.ZodType>(method: WriteMethod, path: string, body: unknown, schema: S, signal?: AbortSignal): Promise<z.output<S>>;
  send(method: WriteMethod, path: string, body: unknown, schema: null, signal?: AbortSignal): Promise<void>;
  send(method: WriteMethod, path: string, body: unknown, schema: z.ZodType | null, signal?: AbortSignal): Promise<unknown> {
    return this.#request(method, path, body, schema, signal);
  }

  async #request(method: string, path: string, body: unknown, schema: z.ZodType | null, signal?: AbortSignal): Promise<unknown> {
    const headers: Record<string, string> = { accept: 'application/json' };
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
      throw new ApiError({ kind: kindOf(res.status), status: res.status, message: read.message, code: read.code, fieldErrors: read.fieldErrors, fieldPaths: read.fieldPaths, retryAfterSeconds: Number.isFinite(retry) && retry > 0 ? retry : null });
    }
    if (!schema) return undefined;
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const where = parsed.error.issues[0]?.path.join('.') || 'the body';
      throw new ApiError({ kind: 'bad_response', status: res.status, message: `The server's answer did not match what the portal expects (${where}).` });
    }
    return parsed.data;
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
