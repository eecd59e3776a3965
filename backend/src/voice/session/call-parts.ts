import type { Logger } from 'pino';
import type { CallContext, CallEndReason } from '../call-context.js';
import type { ChimeFrames } from '../chime-tone.js';
import type { ServerEvent } from '../dialects/dialect.js';
import type { DialectState } from '../dialects/dialect-state.js';
import type { VoiceMetrics } from '../metrics.js';
import type { VoiceOptions } from '../options.js';
import type { TwilioLeg } from '../twilio-leg.js';
import { CallActions } from './call-actions.js';
import { CallRecorder } from './call-recorder.js';
import type { Guard } from './guard.js';
import { OutputMux } from './output-mux.js';
import { RealtimeConnection } from './realtime-connection.js';
import { ToolCalls } from './tool-calls.js';
import { TurnState } from './turn-state.js';

/** What a call's parts are built from (the session adds its claims and its end hook). */
export interface CallPartsDeps {
  twilio: TwilioLeg;
  context: CallContext;
  options: VoiceOptions;
  dialect: DialectState;
  metrics: VoiceMetrics;
  chimeFrames: ChimeFrames | null;
  log: Logger;
}

/** How the parts reach back to the session that routes between them. */
export interface CallPartsHooks {
  now: () => number;
  guard: Guard;
  /** Aborted when the call ends: running tools are told to stop. */
  signal: AbortSignal;
  onRealtime(e: ServerEvent): void;
  onListenerError(where: string, err: unknown): void;
  ended(): boolean;
  end(reason: CallEndReason): void;
}

export interface CallParts {
  rec: CallRecorder;
  turns: TurnState;
  mux: OutputMux;
  rt: RealtimeConnection;
  tools: ToolCalls;
  actions: CallActions;
}

/** One call's parts, wired to each other: the session only routes events between them. */
export function createCallParts(deps: CallPartsDeps, hooks: CallPartsHooks): CallParts {
  const { guard, now } = hooks;
  const log = deps.log;
  const rec = new CallRecorder();
  const turns = new TurnState();
  const mux = new OutputMux({
    twilio: deps.twilio,
    frames: rec.frames,
    chime: { options: deps.options.chime, frames: deps.chimeFrames },
    guard,
    now,
    onChime: () => log.info({ event: 'chime' }, 'thinking chime'),
  });
  const rt = new RealtimeConnection({
    options: deps.options,
    dialect: deps.dialect,
    context: deps.context,
    turns,
    metrics: deps.metrics,
    log,
    guard,
    // Handed on as it is: every audio delta goes through it, so no extra call in between.
    onEvent: hooks.onRealtime,
    onLost: () => hooks.end('realtime_lost'),
    onListenerError: (err) => hooks.onListenerError('realtime', err),
    transcript: () => rec.transcript,
    onShare: (ms) => rec.bridgeShare(ms),
  });
  // Tools and actions know each other: a tool may ask for an action, and the caller's silence
  // does not count while a tool runs.
  const tools: ToolCalls = new ToolCalls({
    // Bound: the context may be a class instance.
    invokeTool: deps.context.invokeTool.bind(deps.context),
    timeoutMs: deps.options.toolTimeoutMs,
    signal: hooks.signal,
    now,
    recorder: rec,
    connection: rt,
    metrics: deps.metrics,
    log,
    guard,
    onAction: (a) => actions.fromTool(a),
  });
  const actions: CallActions = new CallActions({
    context: deps.context,
    limits: deps.options.limits,
    mux,
    turns,
    realtime: rt,
    toolsRunning: () => tools.running,
    ended: hooks.ended,
    end: hooks.end,
    guard,
    log,
  });
  return { rec, turns, mux, rt, tools, actions };
}
