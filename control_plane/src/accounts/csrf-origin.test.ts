import { describe, expect, it } from 'vitest';
import { originVerdict, refused, type OriginFacts } from './csrf-origin.js';

const trusted = new Set(['https://portal.example.com']);
const facts = (f: Partial<OriginFacts>): OriginFacts => ({
  origin: undefined,
  referer: undefined,
  secFetchSite: undefined,
  host: 'portal.example.com',
  contentType: 'application/json',
  hasBody: true,
  ...f,
});

describe('originVerdict', () => {
  it.each<[Partial<OriginFacts>, string]>([
    [{ origin: 'https://portal.example.com' }, 'same_origin'],
    [{ origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' }, 'same_origin'],
    [{ origin: 'https://evil.example' }, 'foreign_origin'],
    [{ origin: 'null' }, 'foreign_origin'],
    [{ origin: 'https://portal.example.com.evil.example' }, 'foreign_origin'],
    [{ referer: 'https://portal.example.com/orders?x=1' }, 'same_origin'],
    [{ referer: 'https://evil.example/page' }, 'foreign_origin'],
    // Origin wins over Referer.
    [{ origin: 'https://evil.example', referer: 'https://portal.example.com/' }, 'foreign_origin'],
    [{ origin: 'https://portal.example.com', secFetchSite: 'cross-site' }, 'cross_site'],
    [{ secFetchSite: 'Cross-Site' }, 'cross_site'],
    [{ secFetchSite: 'same-origin', origin: 'https://portal.example.com' }, 'same_origin'],
    [{}, 'no_origin'],
    [{ contentType: 'application/json; charset=utf-8' }, 'no_origin'],
    [{ contentType: 'application/merge-patch+json' }, 'no_origin'],
    [{ contentType: 'application/x-www-form-urlencoded' }, 'form_body'],
    [{ contentType: 'text/plain' }, 'form_body'],
    [{ contentType: undefined }, 'form_body'],
    [{ contentType: undefined, hasBody: false }, 'no_origin'],
  ])('%j → %s', (f, expected) => {
    expect(originVerdict(facts(f), trusted)).toBe(expected);
  });

  it('refuses exactly the cross-site, foreign and form-body verdicts', () => {
    expect(['same_origin', 'no_origin', 'cross_site', 'foreign_origin', 'form_body'].filter((v) => refused(v as never))).toEqual([
      'cross_site',
      'foreign_origin',
      'form_body',
    ]);
  });
});
