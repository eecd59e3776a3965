/** Why a request failed, in the terms a page acts on. */
export type ApiErrorKind =
  | 'unauthorized' // 401: sign in again
  | 'forbidden' // 403: not for this user (or an illegal status move)
  | 'not_found' // 404
  | 'invalid' // 400: see `fieldErrors`
  | 'conflict' // 409
  | 'stale' // 412: the document changed since this page read it, or (code `exists`) one is already there
  | 'rate_limited' // 429
  | 'server' // 5xx
  | 'network' // no answer at all
  | 'bad_response'; // an answer the contract does not describe

export class ApiError extends Error {
  override name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly status: number;
  /** The server's error code (`illegal_state`, `invalid`…), when it sent one. */
  readonly code: string | null;
  /** 400s: messages per request field, shown next to that field. */
  readonly fieldErrors: Readonly<Record<string, string>>;
  /** 400s: the same messages by their whole path, for forms with rows. */
  readonly fieldPaths: Readonly<Record<string, string>>;
  /** 429: seconds until a retry may work. */
  readonly retryAfterSeconds: number | null;

  constructor(init: { kind: ApiErrorKind; status: number; message: string; code?: string | null; fieldErrors?: Record<string, string>; fieldPaths?: Record<string, string>; retryAfterSeconds?: number | null }) {
    super(init.message);
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code ?? null;
    this.fieldErrors = init.fieldErrors ?? {};
    this.fieldPaths = init.fieldPaths ?? {};
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }

  /** A 4xx: asking again will not help. */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

export function kindOf(status: number): ApiErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 412) return 'stale';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  return 'invalid';
}
