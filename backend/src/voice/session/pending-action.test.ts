import { describe, expect, it } from 'vitest';
import { PendingAction } from './pending-action.js';

const transfer = { action: { kind: 'transfer' as const, reason: 'wants a person' }, endReason: 'transferred' as const };
const limit = { action: { kind: 'hang_up' as const, reason: 'max_duration' }, endReason: 'max_duration' as const };

describe('PendingAction', () => {
  it('knows when the announcing line has started: the first response created after arming', () => {
    const p = new PendingAction();
    p.responseCreated('r0');
    expect(p.arm(transfer)).toBe(true);
    expect(p.lineStarted).toBe(false);
    p.responseCreated('r1');
    expect(p.lineStarted).toBe(true);
    expect(p.responseDone('r0')).toBe(false);
    expect(p.responseDone('r1')).toBe(true);
  });

  it('a barge-in over a transfer line calls it off, and a new action may be armed', () => {
    const p = new PendingAction();
    p.arm(transfer);
    p.responseCreated('r1');
    expect(p.cancel()).toEqual(transfer);
    expect(p.armed).toBe(false);
    expect(p.take()).toBeNull();
    expect(p.arm(transfer)).toBe(true);
    p.responseCreated('r2');
    expect(p.take()).toEqual(transfer);
  });

  it("a time limit's goodbye is not cancelled: it stays armed for the next response", () => {
    const p = new PendingAction();
    p.arm(limit);
    p.responseCreated('r1');
    expect(p.cancel()).toBeNull();
    p.interrupted();
    expect(p.armed).toBe(true);
    p.responseCreated('r2');
    expect(p.responseDone('r2')).toBe(true);
    expect(p.take()).toEqual(limit);
  });

  it('nothing to cancel once taken', () => {
    const p = new PendingAction();
    p.arm(transfer);
    p.responseCreated('r1');
    p.take();
    expect(p.cancel()).toBeNull();
  });
});
