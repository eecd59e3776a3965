import { createHmac } from 'node:crypto';

/** Short hash for logs: a prefix of the keyed hash, so 8-digit codes cannot be brute-forced from logs. */
const SHORT_HASH_CHARS = 10;

/**
 * Keyed hashing of secrets that must be looked up but never stored or logged in clear
 * (access codes, caller numbers). Domain-separated so a code and a number never collide.
 */
export class KeyedHasher {
  readonly #secret: string;
  constructor(secret: string) {
    if (secret.length < 16) throw new RangeError('the server secret must be at least 16 characters');
    this.#secret = secret;
  }

  code(code: string): string {
    return this.#hmac(`access_code:${code}`);
  }

  caller(e164: string): string {
    return this.#hmac(`caller:${e164}`);
  }

  /** HMAC over an arbitrary payload with a purpose label (e.g. stream tokens). */
  sign(purpose: string, payload: string): Buffer {
    return createHmac('sha256', this.#secret).update(`${purpose}\n${payload}`).digest();
  }

  #hmac(value: string): string {
    return createHmac('sha256', this.#secret).update(value).digest('hex');
  }
}

export function shortHash(keyedHash: string): string {
  return keyedHash.slice(0, SHORT_HASH_CHARS);
}
