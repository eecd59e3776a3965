import { describe, expect, it } from 'vitest';
import { foldToGsm, smsLength } from './sms-segments.js';

describe('smsLength', () => {
  it('counts GSM-7 septets: 160 fit one segment, 161 need two of 153', () => {
    expect(smsLength('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsLength('a'.repeat(161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(smsLength('a'.repeat(306)).segments).toBe(2);
    expect(smsLength('a'.repeat(307)).segments).toBe(3);
  });

  it('counts extension characters (€ [ ] { } ~ ^ | \\) as two septets', () => {
    expect(smsLength('€'.repeat(80))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsLength(`${'€'.repeat(80)}a`).segments).toBe(2);
  });

  it('keeps accented letters of the GSM alphabet in GSM-7', () => {
    expect(smsLength('Café Ñoño à São').encoding).toBe('UCS-2'); // ã is not GSM-7
    expect(smsLength('Café Ñoño à Sao').encoding).toBe('GSM-7');
  });

  it('switches to UCS-2 for any other character: 70 units, then 67 a segment', () => {
    expect(smsLength(`${'a'.repeat(69)}’`)).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(smsLength(`${'a'.repeat(70)}’`)).toEqual({ encoding: 'UCS-2', units: 71, segments: 2 });
    expect(smsLength('a'.repeat(134) + 'ж').segments).toBe(3);
  });

  it('counts characters outside the BMP as two UTF-16 units', () => {
    expect(smsLength('😀'.repeat(35))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(smsLength('😀'.repeat(36)).segments).toBe(2);
  });

  it('treats an empty text as one segment', () => {
    expect(smsLength('').segments).toBe(1);
  });
});

describe('foldToGsm', () => {
  it('turns curly quotes, dashes and ellipses into GSM-7 so a name cannot force UCS-2', () => {
    const folded = foldToGsm('Luigi’s Trattoria — “open” now…');
    expect(folded).toBe('Luigi\'s Trattoria - "open" now...');
    expect(smsLength(folded).encoding).toBe('GSM-7');
  });

  it('leaves characters without a GSM look-alike alone', () => {
    expect(foldToGsm('Zoë 😀')).toBe('Zoë 😀');
  });
});
