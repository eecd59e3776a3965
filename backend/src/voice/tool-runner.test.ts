import { describe, expect, it } from 'vitest';
import { runTool, TOOL_FAILURE_OUTPUT } from './tool-runner.js';

const opts = (timeoutMs = 1000) => ({ timeoutMs, signal: new AbortController().signal, now: () => performance.now() });

describe('runTool', () => {
  it('returns the JSON output of a successful call', async () => {
    const r = await runTool(async (name, args) => ({ name, args }), { name: 'f', callId: 'c', argumentsJson: '{"a":1}' }, opts());
    expect(r.ok).toBe(true);
    expect(JSON.parse(r.output)).toEqual({ name: 'f', args: { a: 1 } });
  });

  it('captures throws as a spoken-safe refusal', async () => {
    const r = await runTool(async () => {
      throw new Error('db down');
    }, { name: 'f', callId: 'c', argumentsJson: '{}' }, opts());
    expect(r).toMatchObject({ ok: false, output: TOOL_FAILURE_OUTPUT, error: 'Error: db down' });
  });

  it('times out and aborts the handler', async () => {
    let aborted = false;
    const r = await runTool(
      (_n, _a, meta) =>
        new Promise((resolve) => {
          meta.signal.addEventListener('abort', () => {
            aborted = true;
            resolve('late');
          });
        }),
      { name: 'f', callId: 'c', argumentsJson: '{}' },
      opts(30),
    );
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/timed out/);
    expect(aborted).toBe(true);
  });

  it('refuses malformed arguments without calling the handler', async () => {
    let called = false;
    const r = await runTool(async () => (called = true), { name: 'f', callId: 'c', argumentsJson: '{nope' }, opts());
    expect(r).toMatchObject({ ok: false, error: 'invalid_arguments' });
    expect(called).toBe(false);
  });

  it('takes a call action out of the output, with the name the caller gave for a transfer', async () => {
    const result = { ok: true, say: 'hold on', call_action: { kind: 'transfer', reason: 'catering', callerName: '  Maria Lopez ' } };
    const r = await runTool(async () => result, { name: 'transfer_call', callId: 'c', argumentsJson: '{}' }, opts());
    expect(r.action).toEqual({ kind: 'transfer', reason: 'catering', callerName: 'Maria Lopez' });
    expect(JSON.parse(r.output)).toEqual({ ok: true, say: 'hold on' });
    const bye = await runTool(async () => ({ call_action: { kind: 'hang_up', reason: 'done', callerName: 'x' } }), { name: 'end_call', callId: 'c', argumentsJson: '{}' }, opts());
    expect(bye.action).toEqual({ kind: 'hang_up', reason: 'done' });
  });
});
