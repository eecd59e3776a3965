import { describe, expect, it } from 'vitest';
import { RECAP_LINES, recapMessage, toolResultLine, toolResultsMessage } from './recap.js';

describe('recap for a reconnected model', () => {
  it('is null before anything was said', () => {
    expect(recapMessage([])).toBeNull();
  });

  it('replays the last lines, each capped, and asks not to greet again', () => {
    const lines = Array.from({ length: 9 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'caller', text: `line ${i} ${'x'.repeat(300)}`, at: '' }) as const);
    const recap = recapMessage(lines)!;
    expect(recap).not.toContain('line 2 ');
    expect(recap).toContain('caller: line 8 ');
    expect(recap.split('\n').filter((l) => /^(caller|assistant): /.test(l))).toHaveLength(RECAP_LINES);
    expect(recap.split('\n').every((l) => l.length <= 'assistant: '.length + 200)).toBe(true);
    expect(recap).toMatch(/without greeting again/);
  });

  it('tells tool results in words, each output capped', () => {
    const line = toolResultLine('search', 'y'.repeat(5000));
    expect(line.startsWith('search returned: ')).toBe(true);
    expect(line.length).toBe('search returned: '.length + 1500);
    expect(toolResultsMessage(['a returned: 1', 'b returned: 2'])).toMatch(/a tool you called finished:\na returned: 1\nb returned: 2\nTell the caller/);
  });
});
