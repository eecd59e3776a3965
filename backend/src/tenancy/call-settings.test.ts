import { describe, expect, it } from 'vitest';
import { callSettingsOf } from './call-settings.js';
import type { Tenant } from './tenant.js';
import { ownerPolicyOf, settingsOf } from './tenant-settings.js';

const tenant = (settings: Record<string, unknown>, status?: 'suspended'): Tenant => ({
  id: 'acme',
  displayName: 'Acme',
  vertical: 'generic',
  timeZone: 'America/New_York',
  phoneNumbers: [],
  settings,
  ...(status ? { status } : {}),
});

const HOURS = {
  weekly: [
    { days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '09:00', close: '17:00' },
    { days: ['sat'], open: '10:00', close: '14:00' },
  ],
  holidays: [
    { date: '2026-12-25', ranges: [] },
    { date: '2026-12-24', ranges: [{ open: '09:00', close: '12:00' }] },
  ],
};

describe('call settings of a tenant', () => {
  it('defaults when nothing was set: no transfer, no cap, always open, nobody blocked', () => {
    const s = callSettingsOf(tenant({ demo: true }));
    expect(s).toMatchObject({ tenantId: 'acme', timeZone: 'America/New_York', status: 'active', transferNumbers: [], maxConcurrentCalls: null, openingHours: null });
    expect(s.isOpenAt(new Date('2026-12-25T03:00:00Z'))).toBe(true);
    expect(s.isBlocked('+15550001111')).toBe(false);
  });

  it('reads transfer numbers in order, the cap, blocked callers and suspension', () => {
    const s = callSettingsOf(
      tenant({ transfer_numbers: ['+15550109002', '+15550109001'], blocked_numbers: ['+15550006666'], max_concurrent_calls: 3 }, 'suspended'),
    );
    expect(s.transferNumbers).toEqual(['+15550109002', '+15550109001']);
    expect(s.maxConcurrentCalls).toBe(3);
    expect(s.isBlocked('+15550006666')).toBe(true);
    expect(s.isBlocked(null)).toBe(false);
    expect(s.status).toBe('suspended');
  });

  it('knows open from closed in the tenant zone, holidays replacing the day, across DST', () => {
    const s = callSettingsOf(tenant({ opening_hours: HOURS }));
    // Tue 2026-12-01 16:59 and 17:00 New York (EST, UTC−5).
    expect(s.isOpenAt(new Date('2026-12-01T21:59:00Z'))).toBe(true);
    expect(s.isOpenAt(new Date('2026-12-01T22:00:00Z'))).toBe(false);
    // Sunday: no rule.
    expect(s.isOpenAt(new Date('2026-12-06T16:00:00Z'))).toBe(false);
    // Christmas (a Friday) closed; Christmas Eve until noon only.
    expect(s.isOpenAt(new Date('2026-12-25T15:00:00Z'))).toBe(false);
    expect(s.isOpenAt(new Date('2026-12-24T16:59:00Z'))).toBe(true);
    expect(s.isOpenAt(new Date('2026-12-24T17:00:00Z'))).toBe(false);
    // Mon 2026-07-06 09:00 New York is EDT (UTC−4): 13:00Z open, 12:59Z not yet.
    expect(s.isOpenAt(new Date('2026-07-06T13:00:00Z'))).toBe(true);
    expect(s.isOpenAt(new Date('2026-07-06T12:59:00Z'))).toBe(false);
  });

  it('reads settings from an older shape as the defaults, never failing a call', () => {
    const s = settingsOf(tenant({ transfer_numbers: 'not a list' }));
    expect(s.transfer_numbers).toEqual([]);
    expect(s.display_name).toBe('Acme');
    // Even a tenant object missing its zone (older callers build partial ones) never throws.
    expect(settingsOf({ displayName: 'X', settings: {} } as never)).toMatchObject({ time_zone: 'UTC', transfer_numbers: [] });
  });

  it('hands the owner part of the mode policy to policy/, feature names lower-cased', () => {
    const p = ownerPolicyOf(tenant({ features: { order_placing: { enabled: false } }, prompts: { client: { greeting: 'Ciao!' } } }));
    expect(p.features).toEqual({ order_placing: { enabled: false } });
    expect(p.prompts?.client?.greeting).toBe('Ciao!');
  });
});
