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
});
