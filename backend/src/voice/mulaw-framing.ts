/** μ-law 8 kHz mono: one byte per sample, 8 samples per millisecond. */
export const MULAW_BYTES_PER_MS = 8;
/**
 * Outbound frame size: 30 ms = 240 bytes, a multiple of 3 so a slice of the base64 text
 * decodes to whole bytes and carries no padding; keeps barge-in error under one frame.
 */
export const OUT_FRAME_BYTES = 240;
export const OUT_FRAME_B64_CHARS = (OUT_FRAME_BYTES / 3) * 4;

/** Decoded byte count of a base64 string, without decoding it. */
export function base64ByteLength(b64: string): number {
  const len = b64.length;
  if (len === 0) return 0;
  let pad = 0;
  if (b64.charCodeAt(len - 1) === 61 /* = */) pad++;
  if (len > 1 && b64.charCodeAt(len - 2) === 61) pad++;
  return ((len >> 2) * 3) - pad + (len % 4 === 0 ? 0 : Math.floor(((len % 4) * 3) / 4));
}

export function bytesToMs(bytes: number): number {
  return bytes / MULAW_BYTES_PER_MS;
}

/**
 * Cut a base64 μ-law delta into slices of at most `maxChars` (a multiple of 4) without
 * decoding; calls `emit` per slice so the caller allocates nothing else.
 */
export function forEachBase64Slice(b64: string, maxChars: number, emit: (slice: string) => void): void {
  if (b64.length <= maxChars) {
    emit(b64);
    return;
  }
  for (let i = 0; i < b64.length; i += maxChars) emit(b64.slice(i, i + maxChars));
}
