import { linearToMulaw } from './mulaw-codec.js';
import { forEachBase64Slice, MULAW_BYTES_PER_MS, OUT_FRAME_B64_CHARS } from './mulaw-framing.js';

export const CHIME_TONE_MS = 180;
const CHIME_FADE_MS = 10;
const CHIME_FREQS_HZ = [880, 1320] as const;
/** −12 dBFS peak for the sum of both partials. */
const CHIME_PEAK = 32767 * 0.25;
const SAMPLE_RATE_HZ = 8000;

/** The chime as μ-law bytes: deterministic, computed once. */
export function chimeToneBytes(): Buffer {
  const n = CHIME_TONE_MS * MULAW_BYTES_PER_MS;
  const fade = CHIME_FADE_MS * MULAW_BYTES_PER_MS;
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) {
    const t = i / SAMPLE_RATE_HZ;
    let v = 0;
    for (const f of CHIME_FREQS_HZ) v += Math.sin(2 * Math.PI * f * t);
    v /= CHIME_FREQS_HZ.length;
    // Raised-cosine fade in/out so the chime never clicks.
    const edge = Math.min(i, n - 1 - i);
    const gain = edge >= fade ? 1 : 0.5 - 0.5 * Math.cos((Math.PI * edge) / fade);
    out[i] = linearToMulaw(v * gain * CHIME_PEAK);
  }
  return out;
}

export interface ChimeFrames {
  /** base64 frames, each ≤ one outbound frame. */
  frames: readonly string[];
  bytesPerFrame: readonly number[];
  durationMs: number;
}

/** The chime pre-cut into outbound frames (no encoding on the call path). */
export function chimeFrames(): ChimeFrames {
  const bytes = chimeToneBytes();
  const frames: string[] = [];
  const sizes: number[] = [];
  forEachBase64Slice(bytes.toString('base64'), OUT_FRAME_B64_CHARS, (s) => {
    frames.push(s);
    sizes.push((s.length / 4) * 3);
  });
  return Object.freeze({ frames: Object.freeze(frames), bytesPerFrame: Object.freeze(sizes), durationMs: CHIME_TONE_MS });
}
