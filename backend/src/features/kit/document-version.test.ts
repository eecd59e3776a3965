import { describe, expect, it } from 'vitest';
import { etagOf } from '@vozlia/contract';
import { expectedVersionOf, StaleDocumentError } from './document-version.js';

describe("a document's version as an ETag", () => {
  it('reads back the tag it wrote; version 0 is "no stream yet"; no If-Match or * is no precondition', () => {
    expect(expectedVersionOf(etagOf(12), 'menu')).toBe(12);
    expect(expectedVersionOf(`W/${etagOf(3)}`, 'menu')).toBe(3);
    expect(expectedVersionOf(etagOf(0), 'menu')).toBe('no_stream');
    expect(expectedVersionOf(undefined, 'menu')).toBeUndefined();
    expect(expectedVersionOf(' * ', 'menu')).toBeUndefined();
  });

  it('a tag that names no version of ours can match nothing: 412, not a crash', () => {
    for (const tag of ['"12"', 'v12', '"v-1"', '"v1", "v2"', '']) {
      expect(() => expectedVersionOf(tag, 'menu'), tag).toThrow(StaleDocumentError);
    }
    expect(new StaleDocumentError('menu')).toMatchObject({ httpStatus: 412, code: 'stale' });
  });
});
