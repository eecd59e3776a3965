import { describe, expect, it } from 'vitest';
import { base64ByteLength, forEachBase64Slice, OUT_FRAME_B64_CHARS, OUT_FRAME_BYTES } from './mulaw-framing.js';

describe('mulaw framing', () => {
  it('frame constants agree', () => {
    expect(OUT_FRAME_BYTES % 3).toBe(0);
    expect(OUT_FRAME_B64_CHARS).toBe(320);
  });

  it('counts bytes from base64 length for every padding case', () => {
    for (let n = 0; n < 50; n++) {
      const b64 = Buffer.alloc(n, 7).toString('base64');
      expect(base64ByteLength(b64)).toBe(n);
    }
  });

  it('slices on 4-char boundaries so each slice decodes to the original bytes in order', () => {
    for (const n of [1, 160, 239, 240, 241, 1600, 8000]) {
      const bytes = Buffer.from(Array.from({ length: n }, (_, i) => (i * 37) & 0xff));
      const slices: string[] = [];
      forEachBase64Slice(bytes.toString('base64'), OUT_FRAME_B64_CHARS, (s) => slices.push(s));
      const joined = Buffer.concat(slices.map((s) => Buffer.from(s, 'base64')));
      expect(joined.equals(bytes)).toBe(true);
      for (const s of slices.slice(0, -1)) {
        expect(s.length).toBe(OUT_FRAME_B64_CHARS);
        expect(s.includes('=')).toBe(false);
      }
    }
  });
});
