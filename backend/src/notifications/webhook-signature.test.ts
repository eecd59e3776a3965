import { createHmac, timingSafeEqual } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signatureHeader, verifySignature } from './webhook-signature.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const BODY = '{"id":"msg_1","type":"order.placed","tenant_id":"demo_restaurant","occurred_at":"2026-12-01T23:00:00.000Z","data":{}}';
const NOW = new Date('2026-12-01T23:00:00Z');

describe('webhook signatures', () => {
  it('is t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")> (contract §9)', () => {
    const t = Math.floor(NOW.getTime() / 1000);
    const expected = createHmac('sha256', SECRET).update(`${t}.${BODY}`).digest('hex');
    expect(signatureHeader(BODY, [SECRET], NOW)).toBe(`t=${t},v1=${expected}`);
  });

  it('verifies its own header and refuses a changed body, another secret or a missing header', () => {
    const header = signatureHeader(BODY, [SECRET], NOW);
    expect(verifySignature(BODY, header, [SECRET], NOW)).toBe(true);
    expect(verifySignature(`${BODY} `, header, [SECRET], NOW)).toBe(false);
    expect(verifySignature(BODY, header, ['whsec_other'], NOW)).toBe(false);
    expect(verifySignature(BODY, undefined, [SECRET], NOW)).toBe(false);
    expect(verifySignature(BODY, 't=1,v1=zz', [SECRET], NOW)).toBe(false);
  });

  it('refuses a signature more than 300 s off', () => {
    const header = signatureHeader(BODY, [SECRET], NOW);
    expect(verifySignature(BODY, header, [SECRET], new Date(NOW.getTime() + 299_000))).toBe(true);
    expect(verifySignature(BODY, header, [SECRET], new Date(NOW.getTime() + 301_000))).toBe(false);
  });

  it('carries one v1 per secret while a secret is rotated, and either verifies', () => {
    const header = signatureHeader(BODY, ['whsec_new', 'whsec_old'], NOW);
    expect(header.split(',').filter((p) => p.startsWith('v1='))).toHaveLength(2);
    expect(verifySignature(BODY, header, ['whsec_old'], NOW)).toBe(true);
    expect(verifySignature(BODY, header, ['whsec_new'], NOW)).toBe(true);
  });

  it("the README's receiver snippet accepts our header, any v1 during a rotation, and nothing else", () => {
    // Verbatim from the README ("Verifying webhooks"), with the clock passed in.
    function verifyVozlia(rawBody: string, header: string, secret: string, nowMs = Date.now()): boolean {
      const parts = header.split(',').map((p) => p.trim().split('='));
      const t = Number(parts.find(([k]) => k === 't')?.[1]);
      if (!Number.isInteger(t) || Math.abs(nowMs / 1000 - t) > 300) return false;
      const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();
      return parts
        .filter(([k, v]) => k === 'v1' && /^[0-9a-f]{64}$/.test(v ?? ''))
        .some(([, v]) => timingSafeEqual(Buffer.from(v!, 'hex'), expected));
    }
    const now = NOW.getTime();
    expect(verifyVozlia(BODY, signatureHeader(BODY, [SECRET], NOW), SECRET, now)).toBe(true);
    expect(verifyVozlia(BODY, signatureHeader(BODY, ['whsec_new', SECRET], NOW), SECRET, now)).toBe(true);
    expect(verifyVozlia(`${BODY} `, signatureHeader(BODY, [SECRET], NOW), SECRET, now)).toBe(false);
    expect(verifyVozlia(BODY, signatureHeader(BODY, [SECRET], NOW), 'whsec_other', now)).toBe(false);
    expect(verifyVozlia(BODY, signatureHeader(BODY, [SECRET], NOW), SECRET, now + 301_000)).toBe(false);
    expect(verifyVozlia(BODY, 'v1=00', SECRET, now)).toBe(false);
  });
});
