import { describe, expect, it } from 'vitest';
import { isGuessable, randomAccessCode } from './access-code-digits.js';
import { issueAccessCode } from './access-code-issuer.js';
import type { AccessCodesPort } from './ports.js';

describe('random access codes', () => {
  it('are 8 digits, zero-padded, and never the guessable ones', () => {
    const draws = [11111111, 12345678, 42, 87654321, 31415926];
    const code = randomAccessCode(() => draws.shift()!);
    // 00000042 has three distinct digits: guessable too.
    expect(code).toBe('31415926');
    for (let i = 0; i < 200; i++) expect(randomAccessCode()).toMatch(/^\d{8}$/);
  });

  it.each(['11111111', '11112222', '12121212', '12345678', '87654321', '90123456', '24682468'])('%s is guessable', (c) => expect(isGuessable(c)).toBe(true));
  it.each(['31415926', '80413957', '27182818'])('%s is not', (c) => expect(isGuessable(c)).toBe(false));
});

describe('issuing', () => {
  const port = (known: Set<string>): AccessCodesPort & { issued: string[] } => {
    const issued: string[] = [];
    return {
      issued,
      known: async (c) => known.has(c),
      issue: async (_t, c) => {
        issued.push(c);
        return { id: `id-${c}` };
      },
      list: async () => [],
      revoke: async () => false,
    };
  };
  const actor = { source: 'admin_api', by: 'admin' } as const;

  it('draws again while any source knows the digits, and returns the code once with its id', async () => {
    const p = port(new Set(['31415926', '27182818']));
    const draws = ['31415926', '27182818', '80413957'];
    expect(await issueAccessCode(p, 't1', 'owner', actor, () => draws.shift()!)).toEqual({ id: 'id-80413957', code: '80413957', actor_mode: 'owner' });
    expect(p.issued).toEqual(['80413957']);
  });

  it('gives up rather than loop forever', async () => {
    await expect(issueAccessCode(port(new Set(['31415926'])), 't1', 'client', actor, () => '31415926')).rejects.toThrow(/no free access code/);
  });
});
