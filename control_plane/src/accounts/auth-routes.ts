import { ChangePasswordRequest, LoginRequest, type SessionInfo } from '@vozlia/contract';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AccountService } from './account-service.js';
import { parseOr400, sendError, sendThrottled, UNAUTHORIZED } from './http-replies.js';
import type { Clock } from './ports.js';
import type { SessionCookie } from './session-cookie.js';
import type { SessionResolver } from './session-resolver.js';
import type { SessionStore } from './session-store.js';
import { csrfTokenFor, formatSessionToken } from './session-token.js';

export interface AuthRoutesDeps {
  service: AccountService;
  sessions: SessionStore;
  resolver: SessionResolver;
  cookie: SessionCookie;
  clock: Clock;
  clientIp(request: FastifyRequest): string;
}

/** Wrong password and unknown email: one body, one status. */
const INVALID_CREDENTIALS = Object.freeze({ error: 'invalid_credentials', message: 'email or password is wrong' });

/** Contract §7: `/api/auth/login`, `me`, `logout`, `password`. */
export const authRoutes: FastifyPluginAsync<AuthRoutesDeps> = async (app, d) => {
  app.post('/api/auth/login', async (req, reply) => {
    const body = parseOr400(LoginRequest, req.body, reply);
    if (!body) return reply;
    const outcome = await d.service.login(body.email, body.password, d.clientIp(req));
    if (outcome.kind === 'throttled') return sendThrottled(reply, outcome.retryAfterSeconds);
    if (outcome.kind === 'invalid') return sendError(reply, 401, INVALID_CREDENTIALS);
    // A sign-in over an existing session replaces it: one browser, one live row.
    const previous = await d.resolver.session(req);
    if (previous) await d.sessions.delete(previous.id);
    d.resolver.forget(req);
    const { user, token, createdAt } = outcome;
    reply.setCookie(d.cookie.name, formatSessionToken(token), d.cookie.options(d.sessions.cookieMaxAgeSeconds({ createdAt }, d.clock.now())));
    return noStore(reply).send({ user: { email: user.email, tenant_id: user.tenant_id, role: user.role }, csrf_token: csrfTokenFor(token.secret) } satisfies SessionInfo);
  });

  app.get('/api/auth/me', async (req, reply) => {
    const resolved = await d.resolver.resolve(req);
    if (!resolved) return sendError(reply, 401, UNAUTHORIZED);
    const { session, token } = resolved;
    return noStore(reply).send({ user: { email: session.email, tenant_id: session.tenantId, role: session.role }, csrf_token: csrfTokenFor(token.secret) } satisfies SessionInfo);
  });

  // Always 204: signing out twice, or with a dead cookie, is not an error.
  app.post('/api/auth/logout', async (req, reply) => {
    const session = await d.resolver.session(req);
    if (session) await d.sessions.delete(session.id);
    d.resolver.forget(req);
    reply.clearCookie(d.cookie.name, d.cookie.options(0));
    return noStore(reply).code(204).send();
  });

  app.post('/api/auth/password', async (req, reply) => {
    const session = await d.resolver.session(req);
    if (!session) return sendError(reply, 401, UNAUTHORIZED);
    const body = parseOr400(ChangePasswordRequest, req.body, reply);
    if (!body) return reply;
    const outcome = await d.service.changePassword(session, body.current_password, body.new_password, d.clientIp(req));
    if (outcome.kind === 'throttled') return sendThrottled(reply, outcome.retryAfterSeconds);
    if (outcome.kind === 'invalid') return sendError(reply, 400, { error: 'wrong_password', message: 'current_password is wrong', field: 'current_password' });
    return noStore(reply).code(204).send();
  });
};

const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');
