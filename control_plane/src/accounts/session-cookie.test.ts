import { describe, expect, it } from 'vitest';
import { SessionCookie } from './session-cookie.js';

describe('SessionCookie', () => {
  it('is __Host- and Secure behind https', () => {
    const c = new SessionCookie('https://voice.example.com');
    expect(c.name).toBe('__Host-voz_session');
    expect(c.options(60)).toEqual({ httpOnly: true, secure: true, sameSite: 'lax', path: '/', maxAge: 60 });
  });

  it('drops the prefix and Secure on plain-http development', () => {
    const c = new SessionCookie('http://localhost:3000');
    expect(c.name).toBe('voz_session');
    expect(c.options(60).secure).toBe(false);
  });
});
