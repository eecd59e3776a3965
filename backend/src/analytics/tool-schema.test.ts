import { describe, expect, it } from 'vitest';
import { queryToolParameters } from './tool-schema.js';
import { testCatalog } from '../testing/analytics/test-catalog.js';
import { describeWindow, presetWindow } from './time-window.js';

type Node = Record<string, unknown>;

/** Every object: all properties required, no additional properties (OpenAI strict mode). */
function checkStrict(node: unknown, path: string, out: string[]): void {
  if (Array.isArray(node)) return node.forEach((n, i) => checkStrict(n, `${path}[${i}]`, out));
  if (!node || typeof node !== 'object') return;
  const n = node as Node;
  if (n.type === 'object') {
    const props = Object.keys((n.properties as Node) ?? {});
    if (n.additionalProperties !== false) out.push(`${path}: additionalProperties`);
    if (JSON.stringify([...((n.required as string[]) ?? [])].sort()) !== JSON.stringify([...props].sort())) out.push(`${path}: required`);
  }
  for (const [k, v] of Object.entries(n)) if (k !== 'enum') checkStrict(v, `${path}.${k}`, out);
}

describe('query tool schema', () => {
  const schema = queryToolParameters(testCatalog());

  it('is in strict function-calling form', () => {
    const problems: string[] = [];
    checkStrict(schema, '$', problems);
    expect(problems).toEqual([]);
    expect(JSON.stringify(schema)).not.toMatch(/"(minLength|maxLength|\$schema|default)"/);
  });

  it('lists the catalog subjects and fields as enums, never tenant_id', () => {
    const props = schema.properties as Record<string, Node>;
    expect(props.subject!.enum).toEqual(['appointments', 'calls', 'order_items', 'orders']);
    const fields = ((props.group_by!.items as Node).properties as Record<string, Node>).field!.enum as string[];
    expect(fields).toContain('total_cents');
    expect(fields).not.toContain('tenant_id');
    expect(props.subject!.description).toMatch(/orders \(created_at:timestamp/);
  });
});

describe('time windows', () => {
  const now = new Date('2026-11-04T15:00:00Z');
  it('keeps calendar days across the DST change', () => {
    const w = presetWindow('last_7_days', now, 'America/New_York');
    expect(w.from!.toISO()).toBe('2026-10-29T00:00:00.000-04:00');
    expect(w.to!.toISO()).toBe('2026-11-05T00:00:00.000-05:00');
    expect(describeWindow(w)!.label).toBe('from Thursday, October 29, 2026 to Wednesday, November 4, 2026');
  });
  it('has no window for all_time', () => {
    expect(describeWindow(presetWindow('all_time', now, 'America/New_York'))).toBeNull();
  });
});
