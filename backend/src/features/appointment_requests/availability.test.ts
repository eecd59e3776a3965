import { describe, expect, it } from 'vitest';
import { checkSlot, nearestFreeSlots, type SlotQuery } from './availability.js';
import { CatalogSchema } from './catalog.js';
import { DEMO_CATALOG } from '../../demo/barbershop-catalog.js';

const catalog = CatalogSchema.parse(DEMO_CATALOG);
const zone = 'America/New_York';
const haircut = catalog.services[0]!;
const now = Date.parse('2026-12-01T14:00:00Z'); // Tuesday 9:00 New York
const at = (iso: string) => Date.parse(iso);
const q = (extra: Partial<SlotQuery> = {}): SlotQuery => ({ catalog, zone, now, service: haircut, bookings: [], ...extra });

describe('checkSlot', () => {
  it('books inside hours with the first free barber working that day', () => {
    // Wednesday: Dre is off, so Marco then Sam.
    expect(checkSlot(q(), at('2026-12-02T15:00:00Z'))).toEqual({ ok: true, staffId: 'marco' });
    expect(checkSlot(q({ bookings: [{ staffId: 'marco', start: at('2026-12-02T14:45:00Z'), end: at('2026-12-02T15:15:00Z') }] }), at('2026-12-02T15:00:00Z'))).toEqual({ ok: true, staffId: 'sam' });
  });
  it('refuses closed days, holidays, closing overlap, the past, off-grid and a barber off', () => {
    expect(checkSlot(q(), at('2026-12-07T15:00:00Z'))).toEqual({ ok: false, reason: 'closed' }); // Monday
    expect(checkSlot(q(), at('2026-12-25T15:00:00Z'))).toEqual({ ok: false, reason: 'closed' }); // holiday
    expect(checkSlot(q(), at('2026-12-01T23:45:00Z'))).toEqual({ ok: false, reason: 'closed' }); // 18:45 + 30 min > 19:00
    expect(checkSlot(q(), at('2026-12-01T14:15:00Z'))).toEqual({ ok: false, reason: 'past' }); // inside the lead time
    expect(checkSlot(q(), at('2026-12-02T15:05:00Z'))).toEqual({ ok: false, reason: 'off_grid' });
    expect(checkSlot(q({ staffId: 'dre' }), at('2026-12-02T15:00:00Z'))).toEqual({ ok: false, reason: 'staff_off' });
  });
  it('is taken when every working chair overlaps', () => {
    const bookings = ['marco', 'sam'].map((staffId) => ({ staffId, start: at('2026-12-02T15:00:00Z'), end: at('2026-12-02T15:30:00Z') }));
    expect(checkSlot(q({ bookings }), at('2026-12-02T15:15:00Z'))).toEqual({ ok: false, reason: 'taken' });
    const alternatives = nearestFreeSlots(q({ bookings }), at('2026-12-02T15:15:00Z'));
    expect(alternatives.map((s) => new Date(s.start).toISOString())).toEqual(['2026-12-02T15:30:00.000Z', '2026-12-02T15:45:00.000Z', '2026-12-02T14:30:00.000Z']);
  });
  it('keeps local opening times across the DST change', () => {
    // Sunday 2026-11-01 (DST ends): opens 10:00 EST = 15:00Z; the week before, 10:00 EDT = 14:00Z.
    const sundayNow = Date.parse('2026-10-20T12:00:00Z');
    expect(checkSlot(q({ now: sundayNow }), at('2026-10-25T14:00:00Z'))).toMatchObject({ ok: true });
    expect(checkSlot(q({ now: sundayNow }), at('2026-11-01T14:30:00Z'))).toEqual({ ok: false, reason: 'closed' });
    expect(checkSlot(q({ now: sundayNow }), at('2026-11-01T15:00:00Z'))).toMatchObject({ ok: true });
  });
});
