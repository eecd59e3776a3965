import type { NotificationSettings } from '@vozlia/contract';
import { describe, expect, it } from 'vitest';
import { formFromSettings, NotificationForm, settingsFromForm } from './notification-form';

const stored: NotificationSettings = {
  contacts: { sms: ['+15550109001'], email: ['owner@demo-restaurant.test'] },
  webhook: null,
  quiet_hours: null,
  customer_confirmations: true,
  policies: { missed_call: { owner: ['sms'] } },
  effective: {} as NotificationSettings['effective'],
  time_zone: 'America/New_York',
};

describe('the notifications form', () => {
  it('round-trips the stored settings, keeping the per-type policies', () => {
    const value = NotificationForm.parse(formFromSettings(stored));
    expect(settingsFromForm(value, stored)).toEqual({
      contacts: stored.contacts,
      quiet_hours: null,
      customer_confirmations: true,
      webhook: null,
      policies: stored.policies,
    });
  });

  it('reads contacts typed on one line and quiet hours that cross midnight', () => {
    const value = NotificationForm.parse({ ...formFromSettings(stored), sms: '+15550109001, +15550109003', quiet: true, quiet_start: '22:00', quiet_end: '07:00' });
    expect(settingsFromForm(value, stored)).toMatchObject({ contacts: { sms: ['+15550109001', '+15550109003'] }, quiet_hours: { start: '22:00', end: '07:00' } });
  });

  it('names the field that is wrong', () => {
    const r = NotificationForm.safeParse({ ...formFromSettings(stored), sms: '555-0100', quiet: true, quiet_start: '22:00', quiet_end: '22:00', webhook_url: 'ftp://x' });
    expect(r.success).toBe(false);
    const fields = r.error!.issues.map((i) => i.path[0]);
    expect(fields).toEqual(expect.arrayContaining(['sms', 'quiet_end', 'webhook_url']));
  });
});
