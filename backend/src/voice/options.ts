import type { RealtimeDialectName } from './dialects/dialect.js';

export interface ChimeOptions {
  enabled: boolean;
  triggerMs: number;
  everyMs: number;
  maxSeconds: number;
}

export interface VoiceOptions {
  /** Full Realtime WebSocket URL, model included. */
  realtimeUrl: string;
  /** Bearer key; empty means calls cannot reach the model. */
  apiKey: string;
  dialect: RealtimeDialectName;
  chime: ChimeOptions;
  toolTimeoutMs: number;
  /** Budget for the single reconnect attempt after the Realtime socket fails. */
  reconnectTimeoutMs: number;
  /** Twilio frames above this size are counted and ignored. */
  maxFrameBytes: number;
  /** Voice used when the policy gives none. */
  defaultVoice: string;
  /** Input transcription model. */
  transcriptionModel: string;
}

export const DEFAULT_VOICE_OPTIONS: Readonly<VoiceOptions> = Object.freeze({
  realtimeUrl: 'wss://api.openai.com/v1/realtime?model=gpt-realtime',
  apiKey: '',
  dialect: 'ga',
  chime: Object.freeze({ enabled: false, triggerMs: 800, everyMs: 1200, maxSeconds: 30 }),
  toolTimeoutMs: 8000,
  reconnectTimeoutMs: 2000,
  maxFrameBytes: 64 * 1024,
  defaultVoice: 'alloy',
  transcriptionModel: 'whisper-1',
});

function positive(name: string, v: number): number {
  if (!Number.isFinite(v) || v <= 0) throw new RangeError(`voice option ${name} must be a positive number, got ${v}`);
  return v;
}

/** Fill defaults, range-check and freeze. */
export function resolveVoiceOptions(partial: Partial<Omit<VoiceOptions, 'chime'>> & { chime?: Partial<ChimeOptions> } = {}): Readonly<VoiceOptions> {
  const chime = { ...DEFAULT_VOICE_OPTIONS.chime, ...partial.chime };
  const o: VoiceOptions = { ...DEFAULT_VOICE_OPTIONS, ...partial, chime };
  if (o.dialect !== 'ga' && o.dialect !== 'beta') throw new RangeError(`voice option dialect must be ga or beta, got ${String(o.dialect)}`);
  positive('toolTimeoutMs', o.toolTimeoutMs);
  positive('reconnectTimeoutMs', o.reconnectTimeoutMs);
  positive('maxFrameBytes', o.maxFrameBytes);
  positive('chime.triggerMs', chime.triggerMs);
  positive('chime.everyMs', chime.everyMs);
  positive('chime.maxSeconds', chime.maxSeconds);
  return Object.freeze({ ...o, chime: Object.freeze(chime) });
}
