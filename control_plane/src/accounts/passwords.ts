import { randomBytes } from 'node:crypto';
import * as nodeArgon2 from '@node-rs/argon2';
import type { Argon2Params } from './config.js';

/** The three argon2 calls we make; injectable so a test can count verifications. */
export type Argon2Impl = Pick<typeof nodeArgon2, 'hash' | 'verify' | 'parseOptions'>;

/** Argon2id's numeric id in `@node-rs/argon2` (a const enum we cannot import under isolatedModules). */
const ARGON2ID = 2;

/**
 * Argon2id hashing with one cost policy. `verifyOrDummy` always runs exactly one verification,
 * so an unknown email costs the same time as a wrong password.
 */
export class PasswordHasher {
  readonly #params: Argon2Params;
  readonly #argon2: Argon2Impl;
  readonly #dummy: Promise<string>;

  constructor(params: Argon2Params, argon2: Argon2Impl = nodeArgon2) {
    this.#params = Object.freeze({ ...params });
    this.#argon2 = argon2;
    // A hash of a random string with today's cost: verifying against it takes as long as a real check.
    this.#dummy = this.hash(randomBytes(24).toString('base64url'));
  }

  hash(password: string): Promise<string> {
    return this.#argon2.hash(password, { ...this.#params, algorithm: ARGON2ID });
  }

  /** Verifies against `stored`, or against the dummy when there is no user; false for a corrupt hash. */
  async verifyOrDummy(stored: string | undefined, password: string): Promise<boolean> {
    const target = stored ?? (await this.#dummy);
    try {
      const ok = await this.#argon2.verify(target, password);
      return ok && stored !== undefined;
    } catch {
      return false;
    }
  }

  /** A stored hash made with a weaker algorithm or cost than today's is replaced at the next sign-in. */
  needsRehash(stored: string): boolean {
    try {
      const p = this.#argon2.parseOptions(stored);
      return (
        p.algorithm !== ARGON2ID ||
        p.memoryCost < this.#params.memoryCost ||
        p.timeCost < this.#params.timeCost ||
        p.parallelism < this.#params.parallelism
      );
    } catch {
      return true;
    }
  }
}
