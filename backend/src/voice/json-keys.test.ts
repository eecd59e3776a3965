import { describe, expect, it } from 'vitest';
import { valueStart } from './json-keys.js';

describe('valueStart', () => {
  it('finds the value after a field name', () => {
    const raw = '{"event":"media","media":{"payload":"AAAA"}}';
    expect(raw.slice(valueStart(raw, 'payload":"'))).toBe('AAAA"}}');
    expect(valueStart(raw, 'event":"')).toBe(10);
  });

  it('skips a longer field name that ends in the same letters', () => {
    const raw = '{"previous_item_id":"p1","item_id":"i1"}';
    expect(raw.slice(valueStart(raw, 'item_id":"'), valueStart(raw, 'item_id":"') + 2)).toBe('i1');
  });

  it('never matches inside a string value (its quotes are escaped)', () => {
    const raw = JSON.stringify({ note: 'a "payload":"x" inside', other: 1 });
    expect(valueStart(raw, 'payload":"')).toBe(-1);
  });

  it('is -1 for a missing field, and starts looking at `from`', () => {
    const raw = '{"name":"a","mark":{"name":"b"}}';
    expect(valueStart(raw, 'delta":"')).toBe(-1);
    expect(raw[valueStart(raw, 'name":"', 12)]).toBe('b');
  });
});
