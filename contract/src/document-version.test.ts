import { describe, expect, it } from 'vitest';
import { etagOf, staleMessage, versionOfIfMatch } from './document-version.js';

describe("a document's version as an ETag", () => {
  it('reads back the tag it wrote (weak too); no If-Match or * is no precondition', () => {
    expect(versionOfIfMatch(etagOf(12))).toBe(12);
    expect(versionOfIfMatch(`W/${etagOf(3)}`)).toBe(3);
    expect(versionOfIfMatch(etagOf(0))).toBe(0);
    expect(versionOfIfMatch(undefined)).toBeUndefined();
    expect(versionOfIfMatch(' * ')).toBeUndefined();
  });

  it('a tag that names no version of ours matches nothing: a 412, not a crash', () => {
    for (const tag of ['"12"', 'v12', '"v-1"', '"v1", "v2"', '']) expect(versionOfIfMatch(tag), tag).toBeNull();
    expect(staleMessage('menu')).toContain('the menu changed after this copy was read');
  });
});
