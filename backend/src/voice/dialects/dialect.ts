import type { RealtimeToolSpec } from '../call-context.js';

export type RealtimeDialectName = 'ga' | 'beta';
export type Modality = 'audio' | 'text';

/** Everything a session.update needs, decided once per call. */
export interface SessionSpec {
  instructions: string;
  voice: string;
  tools: RealtimeToolSpec[];
  transcriptionModel: string;
  modalities: Modality[];
}

export interface ResponseSpec {
  /** Per-response instructions (greeting, recap); omitted = session instructions. */
  instructions?: string;
  modalities: Modality[];
}

/** Server events the bridge acts on, dialect-neutral. */
export type ServerEvent =
  | { kind: 'audioDelta'; responseId: string; itemId: string; contentIndex: number; delta: string }
  | { kind: 'audioDone'; responseId: string; itemId: string }
  | { kind: 'speechStarted'; itemId: string | null }
  | { kind: 'speechStopped' }
  | { kind: 'responseCreated'; responseId: string }
  | { kind: 'responseDone'; responseId: string; status: string }
  | { kind: 'functionCall'; responseId: string; callId: string; name: string; arguments: string }
  | { kind: 'callerTranscript'; itemId: string; text: string }
  | { kind: 'assistantTranscript'; responseId: string; itemId: string; text: string }
  | { kind: 'sessionCreated' }
  | { kind: 'sessionUpdated' }
  | { kind: 'error'; code: string | null; message: string; param: string | null; eventId: string | null }
  | { kind: 'unknown'; type: string };

export interface RealtimeDialect {
  readonly name: RealtimeDialectName;
  /** Extra headers for the WebSocket upgrade (besides Authorization). */
  readonly headers: Readonly<Record<string, string>>;
  /** Response modalities to try, in order; the first is the default. */
  readonly modalityCandidates: readonly (readonly Modality[])[];
  sessionUpdate(spec: SessionSpec): string;
  responseCreate(spec: ResponseSpec): string;
  parse(raw: string): ServerEvent;
}
