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

  it('midnight as a closing time is typed 00:00 (a time input has no 24:00) and stored as 24:00', () => {
    const late = { ...stored, opening_hours: { weekly: [{ days: ['fri' as const], open: '17:00', close: '24:00' }], holidays: [] } };
    const rows = hoursFormFrom(late);
    expect(rows.weekly[0]!.close).toBe('00:00');
    expect(settingsWithHours(late, HoursForm.parse(rows)).opening_hours?.weekly).toEqual(late.opening_hours.weekly);
  });

  it('a date may have its own hours, checked like any other range', () => {
    const v = HoursForm.parse({ always_open: false, weekly: [], holidays: [{ date: '2026-12-24', name: 'Christmas Eve', ranges: [{ open: '09:00', close: '13:00' }] }] });
    expect(settingsWithHours(stored, v).opening_hours?.holidays).toEqual([{ date: '2026-12-24', name: 'Christmas Eve', ranges: [{ open: '09:00', close: '13:00' }] }]);
    const bad = HoursForm.safeParse({ always_open: false, weekly: [], holidays: [{ date: '2026-12-24', name: '', ranges: [{ open: '13:00', close: '09:00' }] }] });
    expect(bad.error!.issues.map((i) => i.path.join('.'))).toEqual(['holidays.0.ranges.0.close']);
    const undated = HoursForm.safeParse({ always_open: false, weekly: [], holidays: [{ date: '', name: '', ranges: [] }] });
    expect(undated.error!.issues).toEqual([expect.objectContaining({ path: ['holidays', 0, 'date'], message: 'choose a date' })]);
    const twice = HoursForm.safeParse({ always_open: false, weekly: [], holidays: [{ date: '2026-12-24', name: '', ranges: [] }, { date: '2026-12-24', name: '', ranges: [{ open: '09:00', close: '12:00' }] }] });
    expect(twice.error!.issues).toEqual([expect.objectContaining({ path: ['holidays', 1, 'date'], message: expect.stringContaining('already listed') })]);
  });
});
