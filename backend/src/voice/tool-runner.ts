import { CALL_ACTION_KEY, type CallAction, type ToolCallMeta } from './call-context.js';

/** Runs one model function call off the audio loop: timeout, abort, error capture; never throws. */
export interface ToolOutcome {
  ok: boolean;
  /** The `function_call_output.output` string sent to the model. */
  output: string;
  latencyMs: number;
  error?: string;
  /** A call action the result asked for (taken out of the output the model sees). */
  action?: CallAction;
}

export type InvokeTool = (name: string, args: unknown, meta: ToolCallMeta) => Promise<unknown>;

export const TOOL_FAILURE_OUTPUT = JSON.stringify({
  ok: false,
  error: 'tool_failed',
  say: "I'm sorry, I couldn't do that right now.",
});

export class ToolTimeoutError extends Error {
  constructor(ms: number) {
    super(`tool timed out after ${ms} ms`);
    this.name = 'ToolTimeoutError';
  }
}

/**
 * Runs `run` with a deadline: after `timeoutMs` it rejects with a ToolTimeoutError and aborts the
 * signal it gave `run` (which also follows `parent`). Used by the runner below and by the core's
 * tool router (each tool's own budget).
 */
export async function withTimeout<T>(run: (signal: AbortSignal) => Promise<T>, timeoutMs: number, parent: AbortSignal): Promise<T> {
  const controller = new AbortController();
  const onParentAbort = () => controller.abort(parent.reason);
  parent.addEventListener('abort', onParentAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const err = new ToolTimeoutError(timeoutMs);
        reject(err); // settle the race before the handler can react to the abort
        controller.abort(err);
      }, timeoutMs);
      timer.unref();
    });
    return await Promise.race([run(controller.signal), timeout]);
  } finally {
    if (timer) clearTimeout(timer);
    parent.removeEventListener('abort', onParentAbort);
  }
}

export async function runTool(
  invoke: InvokeTool,
  call: { name: string; callId: string; argumentsJson: string; utterance?: string },
  opts: { timeoutMs: number; signal: AbortSignal; now: () => number },
): Promise<ToolOutcome> {
  const started = opts.now();
  let args: unknown;
  try {
    args = call.argumentsJson.trim() === '' ? {} : JSON.parse(call.argumentsJson);
  } catch {
    return { ok: false, output: JSON.stringify({ ok: false, error: 'invalid_arguments' }), latencyMs: 0, error: 'invalid_arguments' };
  }
  try {
    const meta = (signal: AbortSignal): ToolCallMeta => ({ callId: call.callId, signal, ...(call.utterance ? { utterance: call.utterance } : {}) });
    const result = await withTimeout((signal) => invoke(call.name, args, meta(signal)), opts.timeoutMs, opts.signal);
    const { rest, action } = takeAction(result);
    const output = rest === undefined ? '{}' : typeof rest === 'string' ? rest : JSON.stringify(rest);
    return { ok: true, output, latencyMs: opts.now() - started, ...(action ? { action } : {}) };
  } catch (err) {
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return { ok: false, output: TOOL_FAILURE_OUTPUT, latencyMs: opts.now() - started, error: message.slice(0, 200) };
  }
}

/** Splits a result's `call_action` (when well-formed) from what the model is told. */
function takeAction(result: unknown): { rest: unknown; action?: CallAction } {
  if (typeof result !== 'object' || result === null || !(CALL_ACTION_KEY in result)) return { rest: result };
  const { [CALL_ACTION_KEY]: raw, ...rest } = result as Record<string, unknown>;
  const a = raw as { kind?: unknown; reason?: unknown; callerName?: unknown } | null;
  if (!a || (a.kind !== 'transfer' && a.kind !== 'hang_up')) return { rest };
  const reason = typeof a.reason === 'string' ? a.reason.slice(0, 200) : '';
  if (a.kind === 'hang_up') return { rest, action: { kind: 'hang_up', reason } };
  const name = typeof a.callerName === 'string' ? a.callerName.trim().slice(0, 80) : '';
  return { rest, action: { kind: 'transfer', reason, ...(name ? { callerName: name } : {}) } };
}
