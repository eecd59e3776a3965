import { TenantSettingsInput, type TenantSettings } from '@vozlia/contract';
import { describe, expect, it } from 'vitest';
import { AssistantForm, assistantFormFrom, settingsWithAssistant } from './assistant-form';

const stored: TenantSettings = {
  display_name: 'Demo Restaurant',
  time_zone: 'America/New_York',
  opening_hours: { weekly: [{ days: ['mon', 'tue'], open: '11:00', close: '22:00' }], holidays: [] },
  prompts: { client: { greeting: 'Hello!' }, owner: {} },
  features: { order_placing: { enabled: true } },
  transfer_numbers: ['+15550109001'],
  blocked_numbers: [],
  max_concurrent_calls: null,
  links: { notifications: '/n', contacts: '/c', access_codes: '/a' },
  updated_at: null,
};

describe('the business and assistant form', () => {
  it('round-trips the stored settings into a body the API schema accepts, hours and switches kept', () => {
    const body = settingsWithAssistant(stored, AssistantForm.parse(assistantFormFrom(stored)));
    expect(TenantSettingsInput.parse(body)).toMatchObject({ display_name: 'Demo Restaurant', opening_hours: stored.opening_hours, features: stored.features, prompts: { client: { greeting: 'Hello!' }, owner: {} } });
    expect(body).not.toHaveProperty('links');
  });

  it('reads numbers as lines, a cap as a number, and an empty cap as none', () => {
    const v = AssistantForm.parse({ ...assistantFormFrom(stored), transfer_numbers: '+15550109001,\n+15550109005', blocked_numbers: '+15550100999', max_concurrent_calls: '3' });
    expect(v).toMatchObject({ transfer_numbers: ['+15550109001', '+15550109005'], blocked_numbers: ['+15550100999'], max_concurrent_calls: 3 });
    expect(AssistantForm.parse(assistantFormFrom(stored)).max_concurrent_calls).toBeNull();
  });

  it('names the field that is wrong', () => {
    const r = AssistantForm.safeParse({ ...assistantFormFrom(stored), display_name: ' ', time_zone: 'Mars/Base', transfer_numbers: '555-0100', max_concurrent_calls: '0' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path[0])).toEqual(expect.arrayContaining(['display_name', 'time_zone', 'transfer_numbers', 'max_concurrent_calls']));
  });
});
