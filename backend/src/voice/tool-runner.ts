import type { ToolCallMeta } from './call-context.js';

/** Runs one model function call off the audio loop: timeout, abort, error capture; never throws. */
export interface ToolOutcome {
  ok: boolean;
  /** The `function_call_output.output` string sent to the model. */
  output: string;
  latencyMs: number;
  error?: string;
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

export async function runTool(
  invoke: InvokeTool,
  call: { name: string; callId: string; argumentsJson: string; utterance?: string },
  opts: { timeoutMs: number; signal: AbortSignal; now: () => number },
): Promise<ToolOutcome> {
  const started = opts.now();
  const controller = new AbortController();
  const onParentAbort = () => controller.abort(opts.signal.reason);
  opts.signal.addEventListener('abort', onParentAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  try {
    let args: unknown;
    try {
      args = call.argumentsJson.trim() === '' ? {} : JSON.parse(call.argumentsJson);
    } catch {
      return { ok: false, output: JSON.stringify({ ok: false, error: 'invalid_arguments' }), latencyMs: 0, error: 'invalid_arguments' };
    }
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const err = new ToolTimeoutError(opts.timeoutMs);
        reject(err); // settle the race before the handler can react to the abort
        controller.abort(err);
      }, opts.timeoutMs);
      timer.unref();
    });
    const result = await Promise.race([invoke(call.name, args, { callId: call.callId, signal: controller.signal, ...(call.utterance ? { utterance: call.utterance } : {}) }), timeout]);
    const output = result === undefined ? '{}' : typeof result === 'string' ? result : JSON.stringify(result);
    return { ok: true, output, latencyMs: opts.now() - started };
  } catch (err) {
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return { ok: false, output: TOOL_FAILURE_OUTPUT, latencyMs: opts.now() - started, error: message.slice(0, 200) };
  } finally {
    if (timer) clearTimeout(timer);
    opts.signal.removeEventListener('abort', onParentAbort);
  }
}
