import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../storage/events.js';
import { messageOf, transferOf } from './call-transfer-view.js';

let version = 0;
const at = (s: number) => new Date(Date.UTC(2026, 11, 1, 22, 0, s));
const ev = (type: string, payload: Record<string, unknown>, second: number): StoredEvent => ({
  position: ++version,
  id: `e${version}`,
  tenantId: 'demo_restaurant',
  streamType: 'call',
  streamId: 'CA1',
  version,
  type,
  payload,
  metadata: {},
  idempotencyKey: null,
  occurredAt: at(second),
  recordedAt: at(second),
});

const requested = (route: 'dial' | 'message' = 'dial') => ev('transfer.requested', { reason: 'catering order', route, numbers: 2 }, 10);

describe('a call’s transfer and message, from its stream', () => {
  it('no transfer, no message: null (the portal says so in words)', () => {
    const events = [ev('call.received', { from: '+15550001111' }, 0)];
    expect(transferOf(events)).toBeNull();
    expect(messageOf(events)).toBeNull();
  });

  it('nobody answered, then a message: the dial status in the contract’s words, and the recording', () => {
    const events = [requested(), ev('transfer.unanswered', { status: 'no-answer', tried: 2 }, 50), ev('message.recorded', { recordingUrl: 'https://api.twilio.com/r/RE1', durationSeconds: 17.4 }, 80)];
    expect(transferOf(events)).toEqual({ reason: 'catering order', to_number: null, outcome: 'no_answer', at: at(10).toISOString() });
    expect(messageOf(events)).toEqual({ recording_url: 'https://api.twilio.com/r/RE1', duration_seconds: 17, at: at(80).toISOString() });
  });

  it('answered, busy, still ringing, and closed (straight to the recorder)', () => {
    expect(transferOf([requested(), ev('transfer.completed', { index: 0 }, 30)])?.outcome).toBe('answered');
    expect(transferOf([requested(), ev('transfer.unanswered', { status: 'busy' }, 30)])?.outcome).toBe('busy');
    expect(transferOf([requested(), ev('transfer.unanswered', { status: 'weird' }, 30)])?.outcome).toBe('failed');
    expect(transferOf([requested()])?.outcome).toBe('pending');
    expect(transferOf([requested('message')])?.outcome).toBe('closed');
  });

  it('called off by a barge-in: canceled, with its reason and time; a later request wins', () => {
    const cancelled = ev('transfer.cancelled', { reason: 'wants a person', cause: 'barge_in' }, 20);
    expect(transferOf([cancelled])).toEqual({ reason: 'wants a person', to_number: null, outcome: 'canceled', at: at(20).toISOString() });
    expect(transferOf([cancelled, requested(), ev('transfer.completed', { index: 0 }, 30)])?.outcome).toBe('answered');
  });
});
