import type { FastifyRequest } from 'fastify';
import type { Clock } from './ports.js';
import type { SessionCookie } from './session-cookie.js';
import type { ActiveSession, SessionStore } from './session-store.js';
import { parseSessionToken, type SessionToken } from './session-token.js';

export interface ResolvedSession {
  session: ActiveSession;
  token: SessionToken;
}

/**
 * The request's session from its cookie, looked up at most once per request (the CSRF hook,
 * the tenant gate and a handler may all ask). The memo is per resolver, keyed weakly by request.
 */
export class SessionResolver {
  readonly #memo = new WeakMap<FastifyRequest, Promise<ResolvedSession | null>>();
  readonly #sessions: SessionStore;
  readonly #cookie: SessionCookie;
  readonly #clock: Clock;

  constructor(sessions: SessionStore, cookie: SessionCookie, clock: Clock) {
    this.#sessions = sessions;
    this.#cookie = cookie;
    this.#clock = clock;
  }

  resolve(req: FastifyRequest): Promise<ResolvedSession | null> {
    let p = this.#memo.get(req);
    if (!p) {
      p = this.#lookup(req);
      this.#memo.set(req, p);
    }
    return p;
  }

  async session(req: FastifyRequest): Promise<ActiveSession | null> {
    return (await this.resolve(req))?.session ?? null;
  }

  /** After logout or a new sign-in on this request, the old answer is stale. */
  forget(req: FastifyRequest): void {
    this.#memo.delete(req);
  }

  async #lookup(req: FastifyRequest): Promise<ResolvedSession | null> {
    const token = parseSessionToken(req.cookies?.[this.#cookie.name]);
    if (!token) return null;
    const session = await this.#sessions.validate(token, this.#clock.now());
    return session ? { session, token } : null;
  }
}
