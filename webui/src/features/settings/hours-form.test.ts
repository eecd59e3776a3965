import { TenantSettingsInput, type TenantSettings } from '@vozlia/contract';
import { describe, expect, it } from 'vitest';
import { HoursForm, hoursFormFrom, settingsWithHours } from './hours-form';

const stored: TenantSettings = {
  display_name: 'Demo Barbershop',
  time_zone: 'America/Chicago',
  opening_hours: null,
  prompts: { client: {}, owner: {} },
  features: {},
  transfer_numbers: [],
  blocked_numbers: [],
  max_concurrent_calls: 2,
  links: { notifications: '/n', contacts: '/c', access_codes: '/a' },
  updated_at: null,
};

describe('the opening hours form', () => {
  it('"always open" is no hours at all', () => {
    expect(settingsWithHours(stored, HoursForm.parse(hoursFormFrom(stored))).opening_hours).toBeNull();
  });

  it('weekly rows and a closed day become hours the API accepts, the rest of the settings kept', () => {
    const v = HoursForm.parse({ always_open: false, weekly: [{ days: ['mon', 'fri'], open: '09:00', close: '18:00' }], holidays: [{ date: '2026-12-25', name: '', ranges: [] }] });
    const body = settingsWithHours(stored, v);
    expect(TenantSettingsInput.parse(body)).toMatchObject({ max_concurrent_calls: 2, opening_hours: { weekly: [{ days: ['mon', 'fri'], open: '09:00', close: '18:00' }], holidays: [{ date: '2026-12-25', ranges: [] }] } });
  });

  it('refuses a row that closes before it opens, or has no day', () => {
    const r = HoursForm.safeParse({ always_open: false, weekly: [{ days: [], open: '18:00', close: '09:00' }], holidays: [] });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['weekly.0.days', 'weekly.0.close']));
  });
});
