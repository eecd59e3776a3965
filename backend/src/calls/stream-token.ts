import { randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ActorModeSchema, TenantModeSchema } from '../policy/modes.js';

/** Long enough for Twilio to open the stream after fetching the TwiML, short enough to be useless later. */
export const STREAM_TOKEN_TTL_MS = 60_000;
const NONCE_BYTES = 16;
const PURPOSE = 'stream_token_v1';

export const StreamTokenClaimsSchema = z.strictObject({
  tenant_id: z.string().min(1).max(64),
  actor_mode: ActorModeSchema,
  tenant_mode: TenantModeSchema,
  rid: z.string().min(1).max(64),
  exp: z.number().int(),
  nonce: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
});
export type StreamTokenClaims = z.infer<typeof StreamTokenClaimsSchema>;

export type Signer = (purpose: string, payload: string) => Buffer;

export type TokenCheck = { ok: true; claims: StreamTokenClaims } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

/**
 * `base64url(claims JSON) + '.' + base64url(HMAC-SHA256)`: binds the four stream parameters,
 * the CallSid (= rid) and an expiry. Single use is enforced by the caller (nonce table).
 */
export function issueStreamToken(
  sign: Signer,
  claims: Omit<StreamTokenClaims, 'exp' | 'nonce'>,
  nowMs: number,
  ttlMs: number = STREAM_TOKEN_TTL_MS,
): { token: string; claims: StreamTokenClaims } {
  const full: StreamTokenClaims = { ...claims, exp: nowMs + ttlMs, nonce: randomBytes(NONCE_BYTES).toString('base64url') };
  const body = Buffer.from(JSON.stringify(full)).toString('base64url');
  return { token: `${body}.${sign(PURPOSE, body).toString('base64url')}`, claims: full };
}

/** Checks the MAC in constant time before parsing anything, then the schema and the expiry. */
export function verifyStreamToken(sign: Signer, token: string, nowMs: number): TokenCheck {
  const dot = token.indexOf('.');
  if (dot <= 0 || dot !== token.lastIndexOf('.') || token.length > 2048) return { ok: false, reason: 'malformed' };
  const body = token.slice(0, dot);
  const mac = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = sign(PURPOSE, body);
  if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) return { ok: false, reason: 'bad_signature' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const claims = StreamTokenClaimsSchema.safeParse(parsed);
  if (!claims.success) return { ok: false, reason: 'malformed' };
  if (claims.data.exp <= nowMs) return { ok: false, reason: 'expired' };
  return { ok: true, claims: claims.data };
}
