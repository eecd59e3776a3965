import * as argon2 from '@node-rs/argon2';
import { parseOptions } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { ARGON2_DEFAULTS } from './config.js';
import { PasswordHasher } from './passwords.js';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher(ARGON2_DEFAULTS);

  it('hashes with argon2id at m=19456 KiB, t=2, p=1 and verifies', async () => {
    const stored = await hasher.hash('correct horse battery');
    expect(stored.startsWith('$argon2id$')).toBe(true);
    expect(parseOptions(stored)).toMatchObject({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    expect(await hasher.verifyOrDummy(stored, 'correct horse battery')).toBe(true);
    expect(await hasher.verifyOrDummy(stored, 'correct horse batterY')).toBe(false);
  });

  it('verifies an unknown user against a dummy hash of the same cost: one full verification either way', async () => {
    const verified: string[] = [];
    const counting = new PasswordHasher(ARGON2_DEFAULTS, { ...argon2, verify: (h, p) => (verified.push(String(h)), argon2.verify(h, p)) });
    const real = await counting.hash('the-real-password');
    expect(await counting.verifyOrDummy(real, 'a-wrong-password')).toBe(false);
    expect(await counting.verifyOrDummy(undefined, 'a-wrong-password')).toBe(false);
    expect(verified).toHaveLength(2);
    expect(verified[1]).not.toBe(real);
    expect(parseOptions(verified[1]!)).toEqual(parseOptions(real));
  });

  it('never accepts a password when there is no user, and treats a corrupt hash as a mismatch', async () => {
    expect(await hasher.verifyOrDummy(undefined, 'anything')).toBe(false);
    expect(await hasher.verifyOrDummy('not-a-phc-string', 'anything')).toBe(false);
  });

  it('asks for a rehash when the stored cost is weaker than the policy, not when it is equal or stronger', async () => {
    const weak = await new PasswordHasher({ memoryCost: 4096, timeCost: 1, parallelism: 1 }).hash('pw-123456');
    const strong = await new PasswordHasher({ ...ARGON2_DEFAULTS, timeCost: 3 }).hash('pw-123456');
    expect(hasher.needsRehash(weak)).toBe(true);
    expect(hasher.needsRehash(await hasher.hash('pw-123456'))).toBe(false);
    expect(hasher.needsRehash(strong)).toBe(false);
    expect(hasher.needsRehash('garbage')).toBe(true);
  });

  it('does not truncate long passwords', async () => {
    const long = 'a'.repeat(255);
    const stored = await hasher.hash(`${long}b`);
    expect(await hasher.verifyOrDummy(stored, `${long}c`)).toBe(false);
  });
});
