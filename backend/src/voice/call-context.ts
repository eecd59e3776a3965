import type { ActiveCalls } from './active-calls.js';
import type { Logger } from 'pino';
import type { ActorMode, TenantMode } from '../policy/modes.js';
import type { RealtimeDialectName } from './dialects/dialect.js';
import type { VoiceMetrics } from './metrics.js';
import type { VoiceOptions } from './options.js';

/** What the verified, single-use stream token says. */
export interface StreamClaims {
  tenantId: string;
  actorMode: ActorMode;
  tenantMode: TenantMode;
  callSid: string;
}

export interface RealtimeToolSpec {
  type: 'function';
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

export interface TranscriptEntry {
  role: 'caller' | 'assistant';
  text: string;
  at: string;
}

export interface ToolCallEntry {
  name: string;
  callId: string;
  ok: boolean;
  latencyMs: number;
  at: string;
  error?: string;
}

export interface BargeInEntry {
  at: string;
  itemId: string | null;
  audioEndMs: number | null;
}

export type CallEndReason =
  | 'twilio_stop'
  | 'twilio_closed'
  | 'realtime_lost'
  | 'start_mismatch'
  | 'no_api_key'
  | 'server_shutdown'
  /** Call control (issue 13): the assistant's goodbye played, then the call was hung up. */
  | 'assistant_hangup'
  /** The handoff line played, then Twilio took the call to a `<Dial>` (or the message recorder). */
  | 'transferred'
  | 'max_duration'
  | 'silence';

/**
 * What a tool result may ask the session to do once the assistant's next words have played.
 * A tool puts it in its result under `call_action` (CALL_ACTION_KEY); the session takes it out
 * and executes it out of band through `CallContext.act`. `callerName`: the name the caller gave in
 * this call, for the whisper to the person answering.
 */
export type CallAction = { kind: 'transfer'; reason: string; callerName?: string } | { kind: 'hang_up'; reason: string };
export const CALL_ACTION_KEY = 'call_action';

export interface CallRecord {
  callSid: string;
  tenantId: string;
  actorMode: ActorMode;
  tenantMode: TenantMode;
  dialect: RealtimeDialectName;
  startedAt: string;
  endedAt: string;
  endReason: CallEndReason;
  /** Assistant audio reached the caller and the caller spoke, or a tool ran. */
  served: boolean;
  transcript: TranscriptEntry[];
  toolCalls: ToolCallEntry[];
  bargeIns: BargeInEntry[];
  /** From the stream's `start` to the first assistant frame sent to Twilio; null if none. */
  firstAssistantAudioMs: number | null;
  /** Per caller turn, `speech_stopped` → first assistant frame sent: count and nearest-rank p50/p90 (ms). */
  replyLatencyMs: { n: number; p50: number | null; p90: number | null };
  /** The bridge's own share: a sampled assistant delta's receipt → its frames sent to Twilio (ms). */
  bridgeShareMs: { n: number; p50: number | null; p90: number | null };
  reconnects: number;
  chimes: number;
  frames: { in: number; out: number; marksOut: number; marksIn: number; badIn: number; lateDeltasDropped: number };
}

export interface CallContext {
  tenantId: string;
  actorMode: ActorMode;
  tenantMode: TenantMode;
  callSid: string;
  callerNumber?: string;
  /** Decided once by policy, before the call starts. */
  instructions: string;
  greeting: string;
  voice: string;
  /** Only the tools this (tenant, actor_mode) may use. */
  tools: RealtimeToolSpec[];
  /** The core's router: re-checks policy, dispatches to the feature handler; may throw. */
  invokeTool(name: string, args: unknown, meta: ToolCallMeta): Promise<unknown>;
  /** Fire-and-forget; the core writes the call's events in one batch off the loop. */
  onCallEnded(record: CallRecord): void;
  /**
   * Executes a call action out of band (Twilio REST update: `<Dial>`, `<Record>`, `<Hangup/>`).
   * Resolves true when Twilio has taken the call over (the stream may then be closed), false
   * when it could not (not configured, Twilio refused). Absent: the session just closes the stream.
   */
  act?(action: CallAction): Promise<boolean>;
  /**
   * The caller spoke over the line announcing `action`: it was called off and the call goes on.
   * Fire-and-forget (the core records it); absent = nothing recorded.
   */
  onActionCancelled?(action: CallAction): void;
  /** Per-call child logger. */
  log: Logger;
}

/** Per function call: its id, an abort signal, and what the caller last said (for audits). */
export interface ToolCallMeta {
  callId: string;
  signal: AbortSignal;
  /** The caller's latest transcribed utterance, when transcription has already arrived. */
  utterance?: string;
}

export type Admission = { ok: true; claims: StreamClaims; context: CallContext } | { ok: false; reason: string };

export interface MediaStreamDeps {
  options: VoiceOptions;
  admit(token: string): Promise<Admission>;
  metrics: VoiceMetrics;
  log: Logger;
  /** Where live calls are tracked, for a graceful drain; the route makes its own when absent. */
  activeCalls?: ActiveCalls;
}
