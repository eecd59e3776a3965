import type { Logger } from 'pino';
import type { CallAction, CallContext, ToolCallEntry } from '../call-context.js';
import type { ServerEvent } from '../dialects/dialect.js';
import type { VoiceMetrics } from '../metrics.js';
import { runTool, type ToolOutcome } from '../tool-runner.js';
import type { CallRecorder } from './call-recorder.js';
import type { Guard } from './guard.js';
import type { RealtimeConnection } from './realtime-connection.js';

export interface ToolCallsDeps {
  invokeTool: CallContext['invokeTool'];
  timeoutMs: number;
  /** Aborted when the call ends: running tools are told to stop. */
  signal: AbortSignal;
  now: () => number;
  recorder: CallRecorder;
  connection: Pick<RealtimeConnection, 'epoch' | 'toolResult'>;
  metrics: Pick<VoiceMetrics, 'toolCall'>;
  log: Logger;
  guard: Guard;
  /** A result asked for a call action: told before its output reaches the model. */
  onAction(action: CallAction): void;
}

type FunctionCall = Extract<ServerEvent, { kind: 'functionCall' }>;

/**
 * The model's function calls, run off the audio loop: never awaited by a frame handler. Each
 * result is recorded, then handed to the connection with the socket epoch it was asked on.
 */
export class ToolCalls {
  readonly #d: ToolCallsDeps;
  #running = 0;

  constructor(deps: ToolCallsDeps) {
    this.#d = deps;
  }

  /** Tools started and not finished: the assistant is busy while any runs. */
  get running(): number {
    return this.#running;
  }

  run(e: FunctionCall): void {
    const d = this.#d;
    this.#running++;
    d.recorder.toolStarted();
    const at = new Date().toISOString();
    const epoch = d.connection.epoch;
    const utterance = d.recorder.lastCallerUtterance();
    const call = { name: e.name, callId: e.callId, argumentsJson: e.arguments, ...(utterance === undefined ? {} : { utterance }) };
    void runTool(d.invokeTool, call, { timeoutMs: d.timeoutMs, signal: d.signal, now: d.now }).then(d.guard('tool_result', (r: ToolOutcome) => this.#finished(e, at, epoch, r)));
  }

  #finished(e: FunctionCall, at: string, epoch: number, r: ToolOutcome): void {
    this.#running--;
    const entry: ToolCallEntry = { name: e.name, callId: e.callId, ok: r.ok, latencyMs: Math.round(r.latencyMs), at };
    if (r.error) entry.error = r.error;
    this.#d.recorder.toolFinished(entry);
    this.#d.metrics.toolCall(e.name, r.ok, r.latencyMs / 1000);
    this.#d.log.info({ event: 'tool_call', tool: e.name, ok: r.ok, latencyMs: entry.latencyMs, error: r.error }, 'tool call finished');
    // Before the output: the response it triggers carries the action's spoken line.
    if (r.action) this.#d.onAction(r.action);
    this.#d.connection.toolResult(epoch, e.name, e.callId, r.output);
  }
}
