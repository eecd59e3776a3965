import { describe, expect, it } from 'vitest';
import { callTenant, decideMissed } from './missed-call.js';

const ev = (type: string, payload: object = {}) => ({ type, payload });
const sharedReceived = ev('call.received', { tenantId: null });
const dedicatedReceived = ev('call.received', { tenantId: 'demo_restaurant' });

describe('decideMissed', () => {
  it('is undecided while the call is open', () => {
    expect(decideMissed([sharedReceived])).toBeNull();
    expect(decideMissed([dedicatedReceived, ev('call.connected', { tenantId: 'demo_restaurant' })])).toBeNull();
  });
  it('a caller who hung up at the gate or was locked out is missed', () => {
    expect(decideMissed([sharedReceived, ev('call.gate_failed'), ev('call.ended', { status: 'completed' })])).toBe('hung_up_at_gate');
    expect(decideMissed([sharedReceived, ev('call.locked_out'), ev('call.ended', { status: 'completed' })])).toBe('locked_out');
  });
  it('a routed call whose stream never started is missed', () => {
    expect(decideMissed([dedicatedReceived, ev('call.ended', { status: 'completed' })])).toBe('stream_never_started');
    expect(decideMissed([sharedReceived, ev('call.gate_passed', { tenantId: 't' }), ev('call.ended', { status: 'completed' })])).toBe('stream_never_started');
    expect(decideMissed([dedicatedReceived, ev('call.ended', { status: 'no-answer' })])).toBe('not_answered');
  });
  it('a connected call waits for its record; served=false is missed whichever arrives first', () => {
    const connected = [dedicatedReceived, ev('call.connected', { tenantId: 'demo_restaurant' })];
    expect(decideMissed([...connected, ev('call.ended', { status: 'completed' })])).toBeNull();
    expect(decideMissed([...connected, ev('call.ended', { status: 'completed' }), ev('call.recorded', { served: false })])).toBe('no_exchange');
    expect(decideMissed([...connected, ev('call.recorded', { served: false })])).toBe('no_exchange');
    expect(decideMissed([...connected, ev('call.recorded', { served: true }), ev('call.ended', { status: 'completed' })])).toBeNull();
  });
  it('is decided once', () => {
    expect(decideMissed([sharedReceived, ev('call.ended', { status: 'completed' }), ev('call.missed')])).toBeNull();
  });
});

describe('callTenant', () => {
  it('is _shared until a tenant is known, then the most authoritative one', () => {
    expect(callTenant([sharedReceived])).toBe('_shared');
    expect(callTenant([dedicatedReceived])).toBe('demo_restaurant');
    expect(callTenant([sharedReceived, ev('call.gate_passed', { tenantId: 'demo_barbershop' })])).toBe('demo_barbershop');
  });
});
