import { describe, expect, it } from 'vitest';
import { KeyedHasher } from '../tenancy/access-hash.js';
import { issueStreamToken, STREAM_TOKEN_TTL_MS, verifyStreamToken } from './stream-token.js';

const hasher = new KeyedHasher('a-test-secret-of-enough-length');
const sign = (p: string, s: string) => hasher.sign(p, s);
const claims = { tenant_id: 'demo_restaurant', actor_mode: 'client' as const, tenant_mode: 'dedicated' as const, rid: 'CA123' };
const T0 = 1_800_000_000_000;

describe('stream token', () => {
  it('round-trips and carries an expiry and a nonce', () => {
    const { token } = issueStreamToken(sign, claims, T0);
    const r = verifyStreamToken(sign, token, T0 + 1000);
    expect(r.ok && r.claims).toMatchObject({ ...claims, exp: T0 + STREAM_TOKEN_TTL_MS });
    expect(r.ok && r.claims.nonce.length).toBeGreaterThanOrEqual(16);
  });

  it('gives a fresh nonce per token', () => {
    expect(issueStreamToken(sign, claims, T0).token).not.toBe(issueStreamToken(sign, claims, T0).token);
  });

  it('refuses an expired token', () => {
    const { token } = issueStreamToken(sign, claims, T0);
    expect(verifyStreamToken(sign, token, T0 + STREAM_TOKEN_TTL_MS)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token whose claims were edited (actor_mode=owner)', () => {
    const { token } = issueStreamToken(sign, claims, T0);
    const [body, mac] = token.split('.') as [string, string];
    const edited = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    edited.actor_mode = 'owner';
    const forged = `${Buffer.from(JSON.stringify(edited)).toString('base64url')}.${mac}`;
    expect(verifyStreamToken(sign, forged, T0)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses another secret, garbage and truncation', () => {
    const other = new KeyedHasher('another-secret-of-enough-length');
    const { token } = issueStreamToken((p, s) => other.sign(p, s), claims, T0);
    expect(verifyStreamToken(sign, token, T0).ok).toBe(false);
    for (const bad of ['', 'x', 'a.b.c', '.abc', token.slice(0, -4), `${token}x`]) expect(verifyStreamToken(sign, bad, T0).ok).toBe(false);
  });
});
