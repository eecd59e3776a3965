import { describe, expect, it } from 'vitest';
import type { Tenant } from '../tenancy/tenant.js';
import { callControlSettingsOf } from './call-control-settings.js';

const tenant = (settings: Record<string, unknown>, vertical: Tenant['vertical'] = 'restaurant'): Tenant => ({
  id: 'acme',
  displayName: 'Acme',
  vertical,
  timeZone: 'America/New_York',
  phoneNumbers: [],
  settings,
});

const HOURS = { weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '09:00', close: '17:00' }], holidays: [{ date: '2026-12-25', ranges: [] }] };

describe('call-control settings from the tenant settings', () => {
  it('maps transfer numbers, block list, cap and open/closed in the tenant zone', async () => {
    const t = tenant({ transfer_numbers: ['+15550109001', '+15550109003'], blocked_numbers: ['+15557770666'], max_concurrent_calls: 3, opening_hours: HOURS });
    // Tuesday 2026-12-01 10:00 in New York = 15:00 UTC: open; 23:00 UTC (18:00 local): closed.
    const open = await callControlSettingsOf(t, new Date('2026-12-01T15:00:00Z'));
    expect(open).toMatchObject({ transferNumbers: ['+15550109001', '+15550109003'], maxConcurrentCalls: 3, open: true, afterHours: 'message_or_order' });
    expect(open.isBlocked('+15557770666')).toBe(true);
    expect(open.isBlocked('+15557770042')).toBe(false);
    expect(open.isBlocked(null)).toBe(false);
    expect((await callControlSettingsOf(t, new Date('2026-12-01T23:00:00Z'))).open).toBe(false);
    // A holiday replaces the day: closed at 10:00 on Christmas.
    expect((await callControlSettingsOf(t, new Date('2026-12-25T15:00:00Z'))).open).toBe(false);
  });

  it('nothing set: no transfer, no cap, no hours (open unknown), a message only outside restaurants', async () => {
    const s = await callControlSettingsOf(tenant({}, 'barbershop'), new Date('2026-12-01T15:00:00Z'));
    expect(s).toMatchObject({ transferNumbers: [], maxConcurrentCalls: null, open: null, afterHours: 'message' });
  });
});
