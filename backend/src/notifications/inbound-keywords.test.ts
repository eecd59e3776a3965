import { describe, expect, it } from 'vitest';
import { consentKeyword } from './inbound-keywords.js';

describe('consentKeyword', () => {
  it('recognises every stop word alone, in any case, with stray spaces', () => {
    for (const w of ['STOP', 'stopall', 'Unsubscribe', ' cancel ', 'END', 'quit', 'Stop.']) {
      expect(consentKeyword(w)?.action).toBe('stop');
    }
  });

  it('recognises START and UNSTOP', () => {
    expect(consentKeyword('start')).toEqual({ action: 'start', keyword: 'START' });
    expect(consentKeyword('UNSTOP')).toEqual({ action: 'start', keyword: 'UNSTOP' });
  });

  it('ignores the words inside a sentence and other texts', () => {
    expect(consentKeyword('please stop texting me')).toBeNull();
    expect(consentKeyword('Thanks!')).toBeNull();
    expect(consentKeyword('')).toBeNull();
    expect(consentKeyword(undefined)).toBeNull();
  });
});
