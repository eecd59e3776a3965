import { CSRF_HEADER } from '@vozlia/contract';
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { Logger } from 'pino';
import { originVerdict, refused } from './csrf-origin.js';
import type { SessionResolver } from './session-resolver.js';
import { csrfTokenMatches } from './session-token.js';
import { sendError } from './http-replies.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const API_PATH = /^\/api(\/|\?|$)/i;
/** Sign-in is the one write that cannot carry a token yet; its Origin is still checked. */
export const LOGIN_PATH = '/api/auth/login';

export interface CsrfDeps {
  hasAdminBearer(request: FastifyRequest): boolean;
  resolver: SessionResolver;
  /** The portal's origins besides the one the browser dialled (`Host`). */
  trustedOrigins: ReadonlySet<string>;
  log: Logger;
}

/**
 * CSRF defence for every state-changing `/api/*` request that a browser could make with our
 * cookie: the Origin check (else Referer, `Sec-Fetch-Site`, JSON-only without either), then,
 * when the request has a live session, the session-bound `X-CSRF-Token`. Admin bearer requests
 * carry no ambient credential and are checked by their token instead; `/twilio/*` and
 * `/stripe/*` are outside `/api` and are checked by their signatures.
 */
export function csrfHook(deps: CsrfDeps): onRequestAsyncHookHandler {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (SAFE_METHODS.has(req.method)) return;
    if (!API_PATH.test(req.url) && !API_PATH.test(req.routeOptions.url ?? '')) return;
    if (deps.hasAdminBearer(req)) return;
    const verdict = originVerdict(
      {
        origin: req.headers.origin,
        referer: req.headers.referer,
        secFetchSite: header(req, 'sec-fetch-site'),
        host: req.headers.host,
        contentType: req.headers['content-type'],
        hasBody: Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined,
      },
      deps.trustedOrigins,
    );
    if (refused(verdict)) {
      deps.log.warn({ event: 'csrf_refused', verdict }, 'cross-site write refused');
      return sendError(reply, 403, { error: 'csrf', message: 'cross-site request refused' });
    }
    if (req.routeOptions.url === LOGIN_PATH) return;
    const resolved = await deps.resolver.resolve(req);
    // No live session: nothing ambient to abuse; the route answers 401 if it needs one.
    if (!resolved) return;
    if (!csrfTokenMatches(resolved.token.secret, header(req, CSRF_HEADER))) {
      deps.log.warn({ event: 'csrf_refused', verdict: 'token' }, 'write without a valid CSRF token refused');
      return sendError(reply, 403, { error: 'csrf_token', message: `missing or wrong ${CSRF_HEADER} header` });
    }
  };
}

function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
