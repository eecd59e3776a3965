import { describe, expect, it } from 'vitest';
import { NotificationFacts, type FactsOf } from '../facts.js';
import type { TenantStyle } from '../format.js';
import { smsLength } from '../sms-segments.js';
import { renderNotification } from './index.js';

const restaurant: TenantStyle = { name: 'Luigi’s Trattoria', vertical: 'restaurant', zone: 'America/New_York', currency: 'USD', locale: 'en-US' };
const barbershop: TenantStyle = { ...restaurant, name: 'Sharp Cuts Barbershop', vertical: 'barbershop' };
// Tuesday 2026-12-01, 18:00 in New York.
const NOW = new Date('2026-12-01T23:00:00Z');

const order = (lines: { name: string; quantity: number; options?: string[] }[]): FactsOf<'order_placed'> => ({
  type: 'order_placed',
  orderId: 'ord_1a2b3c',
  customerName: 'Ada',
  customerPhone: '+15557770001',
  fulfillment: 'pickup',
  requestedFor: '2026-12-02T00:30:00Z',
  deliveryAddress: null,
  lines: lines.map((l) => ({ options: [], ...l })),
  totalCents: 3812,
});

describe('order templates', () => {
  it('tells the owner the items, total, pickup time and name in one GSM-7 segment', () => {
    const r = renderNotification(order([{ name: 'Margherita Pizza', quantity: 2, options: ['large'] }, { name: 'Tiramisu', quantity: 1 }]), { style: restaurant, now: NOW });
    expect(r.ownerSms).toBe('New order: 2x Margherita Pizza (large), 1x Tiramisu. Total $38.12. Pickup 7:30 PM for Ada (+15557770001).');
    expect(smsLength(r.ownerSms)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('confirms to the caller with the business name folded to GSM-7 and the STOP hint', () => {
    const r = renderNotification(order([{ name: 'Tiramisu', quantity: 1 }]), { style: restaurant, now: NOW });
    expect(r.customerSms).toBe("Luigi's Trattoria: thanks Ada! Your order (1x Tiramisu) is $38.12, pickup 7:30 PM. Reply STOP to opt out.");
    expect(smsLength(r.customerSms!).segments).toBe(1);
  });

  it('shortens a long order to stay in one segment, keeping the total and the time', () => {
    const lines = ['Margherita Pizza', 'Quattro Formaggi', 'Spaghetti Carbonara', 'Lasagna al Forno', 'Tiramisu', 'Panna Cotta', 'Bruschetta'].map((name) => ({ name, quantity: 2, options: ['extra cheese'] }));
    const r = renderNotification(order(lines), { style: restaurant, now: NOW });
    expect(smsLength(r.ownerSms).segments).toBe(1);
    expect(r.ownerSms).toMatch(/^New order: 2x Margherita Pizza, .*\+\d more\. Total \$38\.12\. Pickup 7:30 PM for Ada/);
    expect(smsLength(r.customerSms!).segments).toBe(1);
    expect(r.customerSms).toContain('$38.12');
  });

  it('writes money in the tenant currency and times in its zone', () => {
    const yen = { ...restaurant, currency: 'JPY', locale: 'ja-JP', zone: 'Asia/Tokyo' };
    const r = renderNotification({ ...order([{ name: 'Ramen', quantity: 1 }]), totalCents: 1200 }, { style: yen, now: NOW });
    // 00:30Z is 09:30 in Tokyo, the day after NOW's local date (08:00 Dec 2 in Tokyo).
    expect(r.ownerSms).toContain('￥1,200');
    expect(r.ownerSms).toContain('9:30');
  });

  it('lists every line in the owner email and names a delivery address', () => {
    const facts: NotificationFacts = { ...order([{ name: 'Tiramisu', quantity: 3 }]), fulfillment: 'delivery', deliveryAddress: '1 Main St' };
    const r = renderNotification(facts, { style: restaurant, now: NOW });
    expect(r.ownerEmail.subject).toBe('New delivery order: $38.12 for Ada, 7:30 PM');
    expect(r.ownerEmail.text).toContain('3 x Tiramisu');
    expect(r.ownerEmail.text).toContain('Delivery: 7:30 PM, to 1 Main St');
  });

  it('hands the webhook the facts in snake_case', () => {
    const r = renderNotification(order([{ name: 'Tiramisu', quantity: 1 }]), { style: restaurant, now: NOW });
    expect(r.webhook.type).toBe('order.placed');
    expect(r.webhook.data).toMatchObject({ order_id: 'ord_1a2b3c', total_cents: 3812, lines: [{ name: 'Tiramisu', quantity: 1, options: [] }] });
  });
});

describe('appointment templates', () => {
  const apt: NotificationFacts = {
    type: 'appointment_requested',
    appointmentId: 'apt_1',
    customerName: 'Ben',
    customerPhone: '+15557770002',
    service: 'Skin Fade',
    staff: 'Marco',
    startsAt: '2026-12-02T15:30:00Z',
    priceCents: 3500,
  };

  it('names the slot and service for the owner, in the barbershop’s words', () => {
    const r = renderNotification(apt, { style: barbershop, now: NOW });
    expect(r.ownerSms).toBe('New booking request: Skin Fade with Marco, tomorrow 10:30 AM, for Ben (+15557770002). $35.00.');
    expect(r.customerSms).toBe("Sharp Cuts Barbershop: Ben, your Skin Fade with Marco is requested for tomorrow 10:30 AM. We'll confirm by text. Reply STOP to opt out.");
    expect(smsLength(r.customerSms!).segments).toBe(1);
  });

  it('says reservation for a restaurant', () => {
    expect(renderNotification(apt, { style: restaurant, now: NOW }).ownerSms).toMatch(/^New reservation request/);
  });
});

describe('call templates', () => {
  it('gives the owner the missed caller’s number and time', () => {
    const r = renderNotification({ type: 'missed_call', callSid: 'CA1', from: '+15552030001', at: '2026-12-01T20:05:00Z' }, { style: restaurant, now: NOW });
    expect(r.ownerSms).toBe("Luigi's Trattoria: missed call from +15552030001 at 3:05 PM. They may have wanted to order. Call back?");
    expect(r.customerSms).toBeNull();
  });

  it('copes with a withheld number', () => {
    const r = renderNotification({ type: 'missed_call', callSid: 'CA1', from: null, at: '2026-11-30T20:05:00Z' }, { style: barbershop, now: NOW });
    expect(r.ownerSms).toContain('missed call from a withheld number at Mon Nov 30, 3:05 PM');
    expect(r.ownerSms).toContain('wanted to book');
  });

  it('quotes the message left after an unanswered transfer', () => {
    const r = renderNotification(NotificationFacts.parse({ type: 'transfer_unanswered', callSid: 'CA2', from: '+15552030002', at: '2026-12-01T22:00:00Z', message: 'Please call me about catering' }), { style: restaurant, now: NOW });
    expect(r.ownerSms).toBe('Nobody answered a transfer from +15552030002 at 5:00 PM. They said: "Please call me about catering"');
  });

  it('links the recording of an unanswered transfer and names the reason', () => {
    const recordingUrl = 'https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1';
    const facts = NotificationFacts.parse({ type: 'transfer_unanswered', callSid: 'CA3', from: '+15552030003', at: '2026-12-01T22:00:00Z', reason: 'a catering order', dialStatus: 'busy', recordingUrl, recordingSeconds: 42 });
    const r = renderNotification(facts, { style: restaurant, now: NOW });
    expect(r.ownerSms).toBe(`Nobody answered a transfer from +15552030003 about a catering order at 5:00 PM. Message: ${recordingUrl}`);
    expect(r.ownerEmail.text).toContain('asked for a person about a catering order at 5:00 PM and nobody answered (busy).');
    expect(r.ownerEmail.text).toContain(`Listen (42 s): ${recordingUrl}`);
    expect(r.webhook).toMatchObject({ type: 'call.transfer_unanswered', data: { call_sid: 'CA3', recording_url: recordingUrl, dial_status: 'busy' } });
  });

  it('keeps the reason and the link in one SMS by dropping the time first', () => {
    const recordingUrl = 'https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE123';
    const facts = NotificationFacts.parse({ type: 'transfer_unanswered', callSid: 'CA5', from: '+15557770042', at: '2026-12-01T22:00:00Z', reason: 'complaint about a delivery', dialStatus: 'busy', recordingUrl });
    expect(renderNotification(facts, { style: restaurant, now: NOW }).ownerSms).toBe(`Missed transfer from +15557770042 about complaint about a delivery. Message: ${recordingUrl}`);
  });

  it('says so when nobody answered and the caller left nothing', () => {
    const r = renderNotification(NotificationFacts.parse({ type: 'transfer_unanswered', callSid: 'CA4', from: null, at: '2026-12-01T22:00:00Z' }), { style: barbershop, now: NOW });
    expect(r.ownerSms).toBe('Nobody answered a transfer from a withheld number at 5:00 PM. They left no message.');
  });

  it('links a message left after hours', () => {
    const recordingUrl = 'https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE2';
    const r = renderNotification(NotificationFacts.parse({ type: 'message_recorded', callSid: 'CA5', from: '+15552030005', at: '2026-12-01T22:00:00Z', recordingUrl, recordingSeconds: 12 }), { style: barbershop, now: NOW });
    expect(r.ownerSms).toBe(`Sharp Cuts Barbershop: +15552030005 left a message at 5:00 PM: ${recordingUrl}`);
    expect(r.ownerEmail.subject).toBe('Message from +15552030005, 5:00 PM');
    expect(r.ownerEmail.text).toContain('left a message while you were closed at 5:00 PM.');
    expect(r.webhook.type).toBe('call.message_recorded');
  });

  it('refuses a recording link that is not a web address', () => {
    expect(NotificationFacts.safeParse({ type: 'message_recorded', callSid: 'CA6', from: null, at: '2026-12-01T22:00:00Z', recordingUrl: 'javascript:alert(1)' }).success).toBe(false);
  });
});
