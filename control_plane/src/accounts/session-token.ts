import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 128-bit id, 256-bit secret (ASVS 7.2.3 asks for ≥ 128 bits), both base64url. */
const ID_BYTES = 16;
const SECRET_BYTES = 32;
const ID_CHARS = 22;
const SECRET_CHARS = 43;
const TOKEN_PATTERN = new RegExp(`^([A-Za-z0-9_-]{${ID_CHARS}})\\.([A-Za-z0-9_-]{${SECRET_CHARS}})$`);

/** A session token `<id>.<secret>`: the id finds the row, the secret proves possession. */
export interface SessionToken {
  id: string;
  secret: string;
}

export function newSessionToken(): SessionToken {
  return { id: randomBytes(ID_BYTES).toString('base64url'), secret: randomBytes(SECRET_BYTES).toString('base64url') };
}

export const formatSessionToken = (t: SessionToken): string => `${t.id}.${t.secret}`;

/** Null for anything that is not exactly a token of ours (no database look-up for garbage). */
export function parseSessionToken(raw: string | undefined): SessionToken | null {
  const m = raw ? TOKEN_PATTERN.exec(raw) : null;
  return m ? { id: m[1]!, secret: m[2]! } : null;
}

export const hashSecret = (secret: string): Buffer => createHash('sha256').update(secret).digest();

/** Constant-time: both sides are 32-byte digests, so neither content nor length leaks. */
export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
  const stored = Buffer.from(storedHash);
  const given = hashSecret(secret);
  return stored.length === given.length && timingSafeEqual(stored, given);
}

const CSRF_LABEL = 'vozlia csrf v1';

/**
 * The session's CSRF token: an HMAC keyed by the session secret. Bound to one session, needs
 * no storage, and a page that leaks it does not leak the cookie (the HMAC is one-way).
 */
export const csrfTokenFor = (secret: string): string => createHmac('sha256', secret).update(CSRF_LABEL).digest('base64url');

export function csrfTokenMatches(secret: string, given: string | undefined): boolean {
  if (!given) return false;
  const expected = Buffer.from(csrfTokenFor(secret));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
