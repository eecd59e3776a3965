import type { RealtimeDialectName } from './dialects/dialect.js';

export interface ChimeOptions {
  enabled: boolean;
  triggerMs: number;
  everyMs: number;
  maxSeconds: number;
}

export interface CallLimitOptions {
  /** The call is ended politely at this age (contract §10 `VOZ_MAX_CALL_SECONDS`). */
  maxCallMs: number;
  /** The caller is told this long before the end (skipped when the limit is shorter). */
  warnBeforeMs: number;
  /** No caller speech this long while the assistant is idle → one prompt, then the end. */
  silenceMs: number;
  /** Backstop for a call action whose spoken line never finishes (no response, lost marks). */
  actionBackstopMs: number;
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
  limits: CallLimitOptions;
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
  limits: Object.freeze({ maxCallMs: 1_800_000, warnBeforeMs: 60_000, silenceMs: 20_000, actionBackstopMs: 30_000 }),
});

function positive(name: string, v: number): number {
  if (!Number.isFinite(v) || v <= 0) throw new RangeError(`voice option ${name} must be a positive number, got ${v}`);
  return v;
}

/** Fill defaults, range-check and freeze. */
export function resolveVoiceOptions(
  partial: Partial<Omit<VoiceOptions, 'chime' | 'limits'>> & { chime?: Partial<ChimeOptions>; limits?: Partial<CallLimitOptions> } = {},
): Readonly<VoiceOptions> {
  const chime = { ...DEFAULT_VOICE_OPTIONS.chime, ...partial.chime };
  const limits = { ...DEFAULT_VOICE_OPTIONS.limits, ...partial.limits };
  const o: VoiceOptions = { ...DEFAULT_VOICE_OPTIONS, ...partial, chime, limits };
  if (o.dialect !== 'ga' && o.dialect !== 'beta') throw new RangeError(`voice option dialect must be ga or beta, got ${String(o.dialect)}`);
  positive('toolTimeoutMs', o.toolTimeoutMs);
  positive('reconnectTimeoutMs', o.reconnectTimeoutMs);
  positive('maxFrameBytes', o.maxFrameBytes);
  positive('chime.triggerMs', chime.triggerMs);
  positive('chime.everyMs', chime.everyMs);
  positive('chime.maxSeconds', chime.maxSeconds);
  positive('limits.maxCallMs', limits.maxCallMs);
  positive('limits.silenceMs', limits.silenceMs);
  positive('limits.actionBackstopMs', limits.actionBackstopMs);
  if (!(limits.warnBeforeMs >= 0)) throw new RangeError(`voice option limits.warnBeforeMs must be ≥ 0, got ${limits.warnBeforeMs}`);
  return Object.freeze({ ...o, chime: Object.freeze(chime), limits: Object.freeze(limits) });
}
