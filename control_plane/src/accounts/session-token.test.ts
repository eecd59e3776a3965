import { describe, expect, it } from 'vitest';
import {
  csrfTokenFor,
  csrfTokenMatches,
  formatSessionToken,
  hashSecret,
  newSessionToken,
  parseSessionToken,
  secretMatches,
} from './session-token.js';

describe('session tokens', () => {
  it('round-trips `<id>.<secret>` and makes a new one each time', () => {
    const a = newSessionToken();
    const b = newSessionToken();
    expect(parseSessionToken(formatSessionToken(a))).toEqual(a);
    expect(a.id).not.toBe(b.id);
    expect(a.secret).not.toBe(b.secret);
    expect(Buffer.from(a.id, 'base64url')).toHaveLength(16);
    expect(Buffer.from(a.secret, 'base64url')).toHaveLength(32);
  });

  it.each([undefined, '', 'abc', 'a.b', `${'a'.repeat(22)}.${'b'.repeat(42)}`, `${'a'.repeat(22)}.${'b'.repeat(43)}.x`, `${'a'.repeat(22)}.${'b'.repeat(42)}=`])(
    'refuses a malformed token %j',
    (raw) => expect(parseSessionToken(raw)).toBeNull(),
  );

  it('matches the stored hash of the secret only', () => {
    const t = newSessionToken();
    const stored = new Uint8Array(hashSecret(t.secret));
    expect(secretMatches(t.secret, stored)).toBe(true);
    expect(secretMatches(newSessionToken().secret, stored)).toBe(false);
    expect(secretMatches(t.secret, new Uint8Array(3))).toBe(false);
  });

  it('derives a CSRF token per session that only that session accepts', () => {
    const a = newSessionToken();
    const b = newSessionToken();
    expect(csrfTokenMatches(a.secret, csrfTokenFor(a.secret))).toBe(true);
    expect(csrfTokenMatches(a.secret, csrfTokenFor(b.secret))).toBe(false);
    expect(csrfTokenMatches(a.secret, undefined)).toBe(false);
    expect(csrfTokenMatches(a.secret, 'short')).toBe(false);
    expect(csrfTokenFor(a.secret)).not.toContain(a.secret);
  });
});
