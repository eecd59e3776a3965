import { describe, expect, it } from 'vitest';
import type { StreamClaims } from '../call-context.js';
import { startMatchesClaims } from './stream-start.js';

const claims: StreamClaims = { tenantId: 't1', actorMode: 'client', tenantMode: 'dedicated', callSid: 'CA1' };
const params = { tenant_id: 't1', actor_mode: 'client', tenant_mode: 'dedicated', rid: 'CA1' };
const start = (callSid: string, customParameters: Record<string, string>) => ({ kind: 'start' as const, streamSid: 'MZ1', callSid, accountSid: 'AC1', customParameters });

describe('a stream start checked against its token', () => {
  it('matches when every parameter and the call sid are the granted ones', () => {
    expect(startMatchesClaims(start('CA1', params), claims)).toBe(true);
  });

  it.each([
    ['another tenant', { ...params, tenant_id: 't2' }, 'CA1'],
    ['owner mode on a client token', { ...params, actor_mode: 'owner' }, 'CA1'],
    ['another tenant mode', { ...params, tenant_mode: 'shared' }, 'CA1'],
    ['another call in rid', { ...params, rid: 'CA2' }, 'CA1'],
    ['another call sid', params, 'CA2'],
    ['a parameter missing', { tenant_id: 't1', actor_mode: 'client', rid: 'CA1' }, 'CA1'],
  ])('refuses %s', (_name, customParameters, callSid) => {
    expect(startMatchesClaims(start(callSid, customParameters), claims)).toBe(false);
  });
});
