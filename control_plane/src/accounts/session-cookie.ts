import type { CookieSerializeOptions } from '@fastify/cookie';

/**
 * The session cookie's name and attributes. `__Host-` needs `Secure`, so plain-http local
 * development uses `voz_session`; either way `HttpOnly; SameSite=Lax; Path=/`, no Domain.
 */
export class SessionCookie {
  readonly name: string;
  readonly #secure: boolean;

  constructor(publicBaseUrl: string) {
    this.#secure = new URL(publicBaseUrl).protocol === 'https:';
    this.name = this.#secure ? '__Host-voz_session' : 'voz_session';
  }

  options(maxAgeSeconds: number): CookieSerializeOptions {
    return { httpOnly: true, secure: this.#secure, sameSite: 'lax', path: '/', maxAge: maxAgeSeconds };
  }
}
