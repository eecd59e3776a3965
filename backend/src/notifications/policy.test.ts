import { NotificationSettingsInput, type NotificationSettingsValue } from '@vozlia/contract';
import { describe, expect, it } from 'vitest';
import { NotificationFacts } from './facts.js';
import { effectivePolicy, resolveDelivery, type DeliveryInput } from './policy.js';
import { quietUntil } from './quiet-hours.js';

const ZONE = 'America/New_York';
const settings = (over: Partial<NotificationSettingsValue> = {}): NotificationSettingsValue => ({
  ...NotificationSettingsInput.parse({ contacts: { sms: ['+15550109001'], email: ['owner@demo-restaurant.test'] } }),
  ...over,
});
const order: NotificationFacts = {
  type: 'order_placed',
  orderId: 'ord_1',
  customerName: 'Ada',
  customerPhone: '+15557770001',
  fulfillment: 'pickup',
  requestedFor: null,
  deliveryAddress: null,
  lines: [{ name: 'Tiramisu', quantity: 1, options: [] }],
  totalCents: 900,
};
const missed: NotificationFacts = { type: 'missed_call', callSid: 'CA1', from: '+15552030001', at: '2026-12-01T20:00:00Z' };
const all = { sms: true, email: true, webhook: true };
const input = (over: Partial<DeliveryInput> = {}): DeliveryInput => ({
  facts: order,
  settings: settings(),
  zone: ZONE,
  now: new Date('2026-12-01T20:00:00Z'), // 15:00 local
  available: all,
  customerOptedOut: false,
  ...over,
});
const summary = (plan: ReturnType<typeof resolveDelivery>) => plan.map((p) => `${p.recipient}:${p.channel}:${p.to}${p.blocked ? `:${p.blocked}` : ''}${p.heldUntil ? ':held' : ''}`);

describe('resolveDelivery', () => {
  it('by default tells the owner by SMS and email and confirms to the caller (contract §9)', () => {
    expect(summary(resolveDelivery(input()))).toEqual(['owner:sms:+15550109001', 'owner:email:owner@demo-restaurant.test', 'customer:sms:+15557770001']);
  });

  it('adds the webhook when the tenant has one', () => {
    const s = settings({ webhook: { url: 'https://hooks.example.test/voz' } });
    expect(summary(resolveDelivery(input({ settings: s })))).toContain('webhook:webhook:https://hooks.example.test/voz');
  });

  it('never confirms a missed call to the caller', () => {
    expect(summary(resolveDelivery(input({ facts: missed })))).toEqual(['owner:sms:+15550109001', 'owner:email:owner@demo-restaurant.test']);
  });

  it('applies the tenant global, then the per-type choice', () => {
    const off = settings({ customer_confirmations: false });
    expect(summary(resolveDelivery(input({ settings: off })))).not.toContain('customer:sms:+15557770001');
    const perType = settings({ customer_confirmations: false, policies: { order_placed: { customer: true, owner: ['email'] } } });
    expect(summary(resolveDelivery(input({ settings: perType })))).toEqual(['owner:email:owner@demo-restaurant.test', 'customer:sms:+15557770001']);
  });

  it('plans nothing for a side whose notification feature is switched off', () => {
    expect(summary(resolveDelivery(input({ audience: { owner: true, customer: false } })))).toEqual(['owner:sms:+15550109001', 'owner:email:owner@demo-restaurant.test']);
    expect(summary(resolveDelivery(input({ audience: { owner: false, customer: true } })))).toEqual(['customer:sms:+15557770001']);
    const skill = NotificationFacts.parse({ type: 'skill_result', subject: 'Weekly', body: '$1', channel: 'sms' });
    expect(resolveDelivery(input({ facts: skill, audience: { owner: false, customer: true } }))).toEqual([]);
  });

  it('STOP blocks the customer confirmation and never the owner’s messages', () => {
    expect(summary(resolveDelivery(input({ customerOptedOut: true })))).toEqual([
      'owner:sms:+15550109001',
      'owner:email:owner@demo-restaurant.test',
      'customer:sms:+15557770001:opted_out',
    ]);
  });

  it('plans unconfigured channels as blocked not_configured', () => {
    expect(summary(resolveDelivery(input({ available: { sms: false, email: false, webhook: true } })))).toEqual([
      'owner:sms:+15550109001:not_configured',
      'owner:email:owner@demo-restaurant.test:not_configured',
      'customer:sms:+15557770001:not_configured',
    ]);
  });

  it('holds owner SMS and email in quiet hours, not the caller’s confirmation or the webhook', () => {
    const s = settings({ quiet_hours: { start: '22:00', end: '07:00' }, webhook: { url: 'https://hooks.example.test/voz' } });
    const plan = resolveDelivery(input({ settings: s, now: new Date('2026-12-02T04:00:00Z') })); // 23:00 local
    expect(summary(plan)).toEqual([
      'owner:sms:+15550109001:held',
      'owner:email:owner@demo-restaurant.test:held',
      'webhook:webhook:https://hooks.example.test/voz',
      'customer:sms:+15557770001',
    ]);
    expect(plan[0]!.heldUntil!.toISOString()).toBe('2026-12-02T12:00:00.000Z'); // 07:00 local
  });

  it('lets urgent types pass quiet hours; a transfer left unanswered stays urgent whatever is set', () => {
    const s = settings({ quiet_hours: { start: '22:00', end: '07:00' }, policies: { missed_call: { urgent: true }, transfer_unanswered: { urgent: false, owner: [] } } });
    const night = new Date('2026-12-02T04:00:00Z');
    expect(resolveDelivery(input({ settings: s, now: night, facts: missed })).every((p) => p.heldUntil === null)).toBe(true);
    const transfer = NotificationFacts.parse({ type: 'transfer_unanswered', callSid: 'CA2', from: null, at: night.toISOString() });
    expect(effectivePolicy('transfer_unanswered', s)).toEqual({ owner: ['sms', 'email', 'webhook'], customer: false, urgent: true });
    expect(resolveDelivery(input({ settings: s, now: night, facts: transfer })).every((p) => p.heldUntil === null)).toBe(true);
  });

  it('sends a saved skill’s result on the channel the skill names, and nowhere for portal', () => {
    const skill = (channel: 'sms' | 'email' | 'portal'): NotificationFacts => ({ type: 'skill_result', subject: 'Weekly revenue', body: '$1,200', channel });
    expect(summary(resolveDelivery(input({ facts: skill('email') })))).toEqual(['owner:email:owner@demo-restaurant.test']);
    expect(summary(resolveDelivery(input({ facts: skill('portal') })))).toEqual([]);
  });

  it('sends once per distinct contact', () => {
    const s = settings({ contacts: { sms: ['+15550109001', '+15550109001'], email: [] } });
    expect(summary(resolveDelivery(input({ settings: s, facts: missed })))).toEqual(['owner:sms:+15550109001']);
  });
});

describe('quietUntil', () => {
  const q = { start: '22:00', end: '07:00' };
  it('knows a window across midnight from both sides', () => {
    expect(quietUntil(q, ZONE, new Date('2026-12-02T03:30:00Z'))?.toISOString()).toBe('2026-12-02T12:00:00.000Z'); // 22:30 → 07:00 next day
    expect(quietUntil(q, ZONE, new Date('2026-12-02T10:00:00Z'))?.toISOString()).toBe('2026-12-02T12:00:00.000Z'); // 05:00 → 07:00 same day
    expect(quietUntil(q, ZONE, new Date('2026-12-02T12:00:00Z'))).toBeNull(); // 07:00 exactly: open
    expect(quietUntil(q, ZONE, new Date('2026-12-02T02:59:00Z'))).toBeNull(); // 21:59
  });

  it('handles a daytime window and none at all', () => {
    expect(quietUntil({ start: '12:00', end: '13:00' }, ZONE, new Date('2026-12-01T17:30:00Z'))?.toISOString()).toBe('2026-12-01T18:00:00.000Z');
    expect(quietUntil(null, ZONE, new Date())).toBeNull();
  });

  it('ends at local 07:00 across a DST change', () => {
    // 2026-03-08: New York springs forward at 02:00; 07:00 EDT is 11:00Z.
    expect(quietUntil(q, ZONE, new Date('2026-03-08T04:00:00Z'))?.toISOString()).toBe('2026-03-08T11:00:00.000Z');
  });
});
