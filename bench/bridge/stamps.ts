/**
 * Frames carry their own stamp in the audio bytes, so latency is measured by the load
 * generator alone, without trusting the relay: [0..3] call index, [4..7] sequence,
 * [8..15] send time (generator's performance.now(), float64). μ-law accepts any byte.
 */
export const FRAME_BYTES = 160;
export const FRAME_MS = 20;
const STAMP_B64_CHARS = 24; // 18 bytes ≥ 16 stamped bytes, multiple of 4 chars

export function stampedFrame(call: number, seq: number, now: number): string {
  const b = Buffer.alloc(FRAME_BYTES, 0x7f);
  b.writeUInt32LE(call, 0);
  b.writeUInt32LE(seq, 4);
  b.writeDoubleLE(now, 8);
  return b.toString('base64');
}

export interface Stamp {
  call: number;
  seq: number;
  sentAt: number;
}

export function readStamp(payloadB64: string): Stamp | null {
  if (payloadB64.length < STAMP_B64_CHARS) return null;
  const b = Buffer.from(payloadB64.slice(0, STAMP_B64_CHARS), 'base64');
  return { call: b.readUInt32LE(0), seq: b.readUInt32LE(4), sentAt: b.readDoubleLE(8) };
}

/** The base64 audio inside a message of any of the shapes the relays produce. */
export function audioOf(raw: string): string | null {
  for (const key of ['"payload":"', '"audio":"', '"delta":"']) {
    const k = raw.indexOf(key);
    if (k >= 0) {
      const s = k + key.length;
      return raw.slice(s, raw.indexOf('"', s));
    }
  }
  return null;
}
