import { randomInt } from 'node:crypto';

export const ACCESS_CODE_DIGITS = 8;
const CODE_SPACE = 10 ** ACCESS_CODE_DIGITS;
/** A code with fewer distinct digits (11111111, 12121212) is the first a stranger tries. */
const MIN_DISTINCT_DIGITS = 4;

/** 8 digits from the CSPRNG, zero-padded, refusing the easy-to-guess ones. */
export function randomAccessCode(random: (max: number) => number = (max) => randomInt(max)): string {
  for (;;) {
    const code = String(random(CODE_SPACE)).padStart(ACCESS_CODE_DIGITS, '0');
    if (!isGuessable(code)) return code;
  }
}

export function isGuessable(code: string): boolean {
  if (new Set(code).size < MIN_DISTINCT_DIGITS) return true;
  // 24682468: one half repeated.
  if (code.slice(0, ACCESS_CODE_DIGITS / 2) === code.slice(ACCESS_CODE_DIGITS / 2)) return true;
  const steps = [...code].slice(1).map((d, i) => (Number(d) - Number(code[i]) + 10) % 10);
  // 12345678, 87654321, 90123456: one step repeated all the way.
  return steps.every((s) => s === steps[0]);
}
