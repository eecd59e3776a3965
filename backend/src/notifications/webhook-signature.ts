import { createHmac, timingSafeEqual } from 'node:crypto';

/** Contract §9: `Vozlia-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. */
export const SIGNATURE_HEADER = 'Vozlia-Signature';
/** Same on every retry of one delivery: the receiver's dedupe key. */
export const WEBHOOK_ID_HEADER = 'Vozlia-Webhook-Id';
/** A signature older (or newer) than this is refused: replay protection. */
export const SIGNATURE_TOLERANCE_S = 300;

/** The HMAC key is the secret string as given (`whsec_…`), UTF-8. */
function hmacHex(secret: string, timestamp: number, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
}

/** The header for one attempt; with several secrets (rotation) one `v1` each, newest first. */
export function signatureHeader(rawBody: string, secrets: readonly string[], now: Date): string {
  const t = Math.floor(now.getTime() / 1000);
  return [`t=${t}`, ...secrets.map((s) => `v1=${hmacHex(s, t, rawBody)}`)].join(',');
}

/**
 * For receivers: true when `header` carries a `v1` made with any of `secrets` over exactly
 * `rawBody` (the bytes received, before any JSON parsing), within 300 s of `now`.
 */
export function verifySignature(rawBody: string, header: string | undefined, secrets: readonly string[], now: Date = new Date()): boolean {
  if (!header) return false;
  let t = Number.NaN;
  const given: Buffer[] = [];
  for (const part of header.split(',')) {
    const [k, v] = part.trim().split('=', 2);
    if (k === 't' && v && /^\d+$/.test(v)) t = Number(v);
    else if (k === 'v1' && v && /^[0-9a-f]{64}$/.test(v)) given.push(Buffer.from(v, 'hex'));
  }
  if (!Number.isFinite(t) || given.length === 0) return false;
  if (Math.abs(now.getTime() / 1000 - t) > SIGNATURE_TOLERANCE_S) return false;
  return secrets.some((secret) => {
    const expected = Buffer.from(hmacHex(secret, t, rawBody), 'hex');
    return given.some((g) => timingSafeEqual(g, expected));
  });
}
