import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export type AdminAccess = 'allowed' | 'unauthorized' | 'forbidden';

export interface AdminRequestFacts {
  authorization: string | undefined;
  /** The TCP peer, never a forwarded header (which anyone can send). */
  remoteAddress: string | undefined;
  /** True when a proxy header is present: a local proxy makes every client look like loopback. */
  proxied: boolean;
}

/**
 * With a token: `Authorization: Bearer <token>` only. Without one: loopback peers that did not
 * come through a proxy only. Pure, so every branch is tested without HTTP.
 */
export function adminAccess(token: string | undefined, req: AdminRequestFacts): AdminAccess {
  if (token) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(req.authorization ?? '');
    return m && sameSecret(m[1]!, token) ? 'allowed' : 'unauthorized';
  }
  return !req.proxied && isLoopback(req.remoteAddress) ? 'allowed' : 'forbidden';
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return v4.startsWith('127.') || address === '::1';
}

/** Constant-time comparison of digests, so neither length nor content leaks through timing. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

const PROXY_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'] as const;

/** The facts `adminAccess` decides on, from a request (the TCP peer, never a forwarded header). */
export function adminFacts(req: FastifyRequest): AdminRequestFacts {
  return {
    authorization: req.headers.authorization,
    remoteAddress: req.socket.remoteAddress,
    proxied: PROXY_HEADERS.some((h) => req.headers[h] !== undefined),
  };
}

/**
 * The request carries the configured admin bearer. Never the loopback fallback: on tenant routes
 * and for CSRF that would make every local request an admin.
 */
export function hasAdminBearer(token: string | undefined, req: FastifyRequest): boolean {
  return token !== undefined && adminAccess(token, adminFacts(req)) === 'allowed';
}

/** A `preHandler` for the admin route group. */
export function adminGuard(token: string | undefined) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const access = adminAccess(token, adminFacts(req));
    if (access === 'unauthorized') {
      return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'unauthorized', message: 'admin token required' });
    }
    if (access === 'forbidden') {
      return reply
        .code(403)
        .send({ error: 'forbidden', message: 'the admin API answers loopback clients only unless VOZ_ADMIN_TOKEN is set' });
    }
  };
}
