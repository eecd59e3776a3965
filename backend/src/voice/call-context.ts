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
  | 'server_shutdown';

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
