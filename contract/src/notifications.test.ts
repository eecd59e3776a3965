import { describe, expect, it } from 'vitest';
import { MessageListQuery, NotificationSettingsInput, QuietHours } from './notifications.js';

describe('NotificationSettingsInput', () => {
  it('fills defaults: no contacts, no webhook, no quiet hours, confirmations on', () => {
    expect(NotificationSettingsInput.parse({})).toEqual({
      contacts: { sms: [], email: [] },
      webhook: null,
      quiet_hours: null,
      customer_confirmations: true,
      policies: {},
    });
  });

  it('normalises emails and refuses unknown keys, repeated channels and bad secrets', () => {
    expect(NotificationSettingsInput.parse({ contacts: { email: [' Owner@Demo-Restaurant.TEST '] } }).contacts.email).toEqual(['owner@demo-restaurant.test']);
    expect(NotificationSettingsInput.safeParse({ extra: 1 }).success).toBe(false);
    expect(NotificationSettingsInput.safeParse({ policies: { order_placed: { owner: ['sms', 'sms'] } } }).success).toBe(false);
    expect(NotificationSettingsInput.safeParse({ webhook: { url: 'https://x.test', secret: 'whsec_short' } }).success).toBe(false);
    expect(NotificationSettingsInput.safeParse({ webhook: { url: 'https://x.test', secret: `whsec_${'AQEB'.repeat(8)}` } }).success).toBe(true);
  });

  it('takes quiet hours across midnight but not an empty window', () => {
    expect(QuietHours.safeParse({ start: '22:00', end: '07:00' }).success).toBe(true);
    expect(QuietHours.safeParse({ start: '07:00', end: '07:00' }).success).toBe(false);
    expect(QuietHours.safeParse({ start: '7:00', end: '08:00' }).success).toBe(false);
  });
});

describe('MessageListQuery', () => {
  it('coerces the limit and checks the status', () => {
    expect(MessageListQuery.parse({ limit: '5', status: 'dead' })).toMatchObject({ limit: 5, status: 'dead' });
    expect(MessageListQuery.safeParse({ status: 'lost' }).success).toBe(false);
  });
});
