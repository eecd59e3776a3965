import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

describe('safeNext', () => {
  it('keeps a path of this site', () => {
    expect(safeNext('/orders/?status=ready')).toBe('/orders/?status=ready');
  });

  it('refuses other sites, protocol-relative and backslash tricks, and the sign-in page itself', () => {
    for (const bad of ['https://evil.example/', '//evil.example/', '/\\evil.example', 'javascript:alert(1)', '/sign-in/?next=/x', '', null]) expect(safeNext(bad)).toBe('/');
  });
});
