import { describe, expect, it } from 'vitest';
import { DEMO_MENU } from '../../demo/restaurant-menu.js';
import { MenuSchema } from './menu.js';
import { quoteOrder } from './pricing.js';

const menu = MenuSchema.parse(DEMO_MENU);
const zone = 'America/New_York';
// Tuesday 2026-12-01 18:00 New York (23:00Z): kitchen open 11:30–21:30.
const tuesdayEvening = new Date('2026-12-01T23:00:00Z');

describe('quoteOrder', () => {
  it('prices lines with options, tax and the delivery fee', () => {
    const r = quoteOrder(menu, 8.875, zone, tuesdayEvening, {
      items: [
        { name: 'margherita pizza', quantity: 2, options: ['Large', 'extra cheese'] },
        { name: 'Tiramisu', quantity: 1 },
      ],
      fulfillment: 'delivery',
      deliveryAddress: '12 Main St',
      requestedTime: 'asap',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.quote.lines[0]).toMatchObject({ itemName: 'Margherita Pizza', unitPriceCents: 1495 + 400 + 200, lineTotalCents: 2 * 2095, options: ['large', 'extra cheese'] });
    expect(r.quote.subtotalCents).toBe(2 * 2095 + 850);
    expect(r.quote.taxCents).toBe(Math.round((5040 * 8.875) / 100));
    expect(r.quote.deliveryFeeCents).toBe(399);
    expect(r.quote.totalCents).toBe(5040 + 447 + 399);
    expect(r.quote.requestedFor).toBe(tuesdayEvening.getTime() + 20 * 60_000);
  });

  it('refuses an unknown item, an unknown option and a bad quantity with a speakable reason', () => {
    const base = { fulfillment: 'pickup' as const, requestedTime: 'asap' };
    expect(quoteOrder(menu, 0, zone, tuesdayEvening, { ...base, items: [{ name: 'Sushi Platter', quantity: 1 }] })).toEqual({
      ok: false,
      code: 'unknown_item',
      message: `Sorry, we don't have "Sushi Platter" on our menu.`,
    });
    const opt = quoteOrder(menu, 0, zone, tuesdayEvening, { ...base, items: [{ name: 'Lasagna', quantity: 1, options: ['pineapple'] }] });
    expect(opt).toMatchObject({ ok: false, code: 'unknown_option' });
    expect(quoteOrder(menu, 0, zone, tuesdayEvening, { ...base, items: [{ name: 'Lasagna', quantity: 0 }] })).toMatchObject({ ok: false, code: 'bad_quantity' });
  });

  it('refuses a pickup outside kitchen hours and says when it could be ready', () => {
    const r = quoteOrder(menu, 0, zone, tuesdayEvening, { items: [{ name: 'Lasagna', quantity: 1 }], fulfillment: 'pickup', requestedTime: '2026-12-02T03:00' });
    expect(r).toMatchObject({ ok: false, code: 'kitchen_closed' });
    if (r.ok) return;
    expect(r.message).toContain('closed');
    expect(r.message).toContain('today at 6:20 PM');
  });

  it('refuses asap when the kitchen is closed now, offering the next opening', () => {
    const night = new Date('2026-12-02T07:00:00Z'); // 2 AM Wednesday
    const r = quoteOrder(menu, 0, zone, night, { items: [{ name: 'Lasagna', quantity: 1 }], fulfillment: 'pickup' });
    expect(r).toMatchObject({ ok: false, code: 'kitchen_closed' });
    if (!r.ok) expect(r.message).toContain('today at 11:30 AM');
  });

  it('refuses a holiday, a past time, a time too far ahead and an unreadable time', () => {
    const items = [{ name: 'Lasagna', quantity: 1 }];
    expect(quoteOrder(menu, 0, zone, tuesdayEvening, { items, fulfillment: 'pickup', requestedTime: '2026-12-25T18:00' })).toMatchObject({ ok: false, code: 'too_far_ahead' });
    const dec20 = new Date('2026-12-20T16:00:00Z');
    expect(quoteOrder(menu, 0, zone, dec20, { items, fulfillment: 'pickup', requestedTime: '2026-12-25T18:00' })).toMatchObject({ ok: false, code: 'kitchen_closed' });
    expect(quoteOrder(menu, 0, zone, tuesdayEvening, { items, fulfillment: 'pickup', requestedTime: '2026-12-01T12:00' })).toMatchObject({ ok: false, code: 'past_time' });
    expect(quoteOrder(menu, 0, zone, tuesdayEvening, { items, fulfillment: 'pickup', requestedTime: 'whenever' })).toMatchObject({ ok: false, code: 'bad_time' });
  });

  it('is DST-correct: 12:00 on the first Sunday of standard time is inside Sunday hours', () => {
    // 2026-11-01 is the DST end in New York; Sunday opens at 12:00 local = 17:00Z.
    const r = quoteOrder(menu, 0, zone, new Date('2026-11-01T15:00:00Z'), { items: [{ name: 'Lasagna', quantity: 1 }], fulfillment: 'pickup', requestedTime: '2026-11-01T12:05' });
    expect(r).toMatchObject({ ok: true });
    if (r.ok) expect(new Date(r.quote.requestedFor).toISOString()).toBe('2026-11-01T17:05:00.000Z');
  });

  it('enforces delivery address and minimum', () => {
    const items = [{ name: 'Soda', quantity: 1 }];
    expect(quoteOrder(menu, 0, zone, tuesdayEvening, { items, fulfillment: 'delivery' })).toMatchObject({ ok: false, code: 'address_required' });
    expect(quoteOrder(menu, 0, zone, tuesdayEvening, { items, fulfillment: 'delivery', deliveryAddress: 'x' })).toMatchObject({ ok: false, code: 'below_minimum' });
  });
});
