import { describe, expect, it } from 'vitest';
import { periodWindow } from './period.js';
import type { UsageEvent } from './ports.js';
import { buildStatement, lateEventBounds, type ClosedStatement } from './statement.js';

const ZONE = 'America/New_York';
const call = (occurred: string, recorded: string, seconds: number): UsageEvent => ({
  type: 'call.ended',
  tenantId: 't1',
  occurredAt: new Date(occurred),
  recordedAt: new Date(recorded),
  payload: { durationSeconds: seconds },
});

// October closes on Nov 1 09:00 (local), November on Dec 1 09:00.
const octCutoff = new Date('2026-11-01T13:00:00Z');
const novCutoff = new Date('2026-12-01T14:00:00Z');
const inOct = call('2026-10-31T12:00:00Z', '2026-10-31T12:05:00Z', 90);
const lateOct = call('2026-10-31T23:59:00Z', '2026-11-01T15:00:00Z', 61); // callback after the close
const inNov = call('2026-11-15T12:00:00Z', '2026-11-15T12:05:00Z', 30);
const events = [inOct, lateOct, inNov];

describe('periods in the tenant zone', () => {
  it('are local calendar months: October ends at local midnight, after the DST change', () => {
    const w = periodWindow('2026-10', ZONE);
    expect(w.from.toISOString()).toBe('2026-10-01T04:00:00.000Z');
    expect(w.to.toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(periodWindow('2026-11', ZONE).to.toISOString()).toBe('2026-12-01T05:00:00.000Z');
  });
});

describe('buildStatement', () => {
  const oct = buildStatement({ window: periodWindow('2026-10', ZONE), cutoffAt: octCutoff, earlier: [], events });
  const closed: ClosedStatement[] = [{ period: '2026-10', cutoffAt: octCutoff }];
  const nov = buildStatement({ window: periodWindow('2026-11', ZONE), cutoffAt: novCutoff, earlier: closed, events });

  it('bills a period its own events recorded by the cutoff', () => {
    expect(oct.usage).toMatchObject({ calls: 1, call_seconds: 90, billable_minutes: 2 });
    expect(oct.adjustments).toEqual([]);
  });

  it('puts an event recorded after the close on the next statement as an adjustment, once', () => {
    expect(nov.usage).toMatchObject({ calls: 1, billable_minutes: 1 });
    expect(nov.adjustments).toHaveLength(1);
    expect(nov.adjustments[0]).toMatchObject({ period: '2026-10', usage: { calls: 1, call_seconds: 61, billable_minutes: 2 } });
    const dec = buildStatement({
      window: periodWindow('2026-12', ZONE),
      cutoffAt: new Date('2027-01-01T14:00:00Z'),
      earlier: [...closed, { period: '2026-11', cutoffAt: novCutoff }],
      events,
    });
    expect(dec.adjustments).toEqual([]);
  });

  it('is a pure function: a rebuild with the same cutoffs gives the same statement, whatever came later', () => {
    const laterStill = call('2026-10-20T12:00:00Z', '2026-12-05T00:00:00Z', 300);
    const again = buildStatement({ window: periodWindow('2026-11', ZONE), cutoffAt: novCutoff, earlier: closed, events: [laterStill, ...events].reverse() });
    expect(again).toEqual(nov);
  });

  it('bills a skipped period when a later one closes, and never twice when the skipped one closes after', () => {
    const novFirst = buildStatement({ window: periodWindow('2026-11', ZONE), cutoffAt: novCutoff, earlier: [], events });
    expect(novFirst.adjustments.map((a) => [a.period, a.usage.calls])).toEqual([['2026-10', 2]]);
    const octAfter = buildStatement({
      window: periodWindow('2026-10', ZONE),
      cutoffAt: new Date('2026-12-02T00:00:00Z'),
      earlier: [{ period: '2026-11', cutoffAt: novCutoff }],
      events,
    });
    expect(octAfter.usage.calls).toBe(0);
  });

  it('reads older events only past the previous period cutoff when that period is closed', () => {
    expect(lateEventBounds(periodWindow('2026-11', ZONE), closed)).toEqual({ recordedAfter: octCutoff });
    expect(lateEventBounds(periodWindow('2026-12', ZONE), closed)).toEqual({});
  });
});
