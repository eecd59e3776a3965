import { CatalogDocument, CatalogSchema } from '@vozlia/contract';
import { describe, expect, it } from 'vitest';
import { CatalogForm, catalogFieldOf, catalogFormFrom, catalogWithForm, NEW_SERVICE, NEW_STAFF } from './catalog-form';

const stored = CatalogSchema.parse({
  services: [{ id: 'haircut', name: 'Haircut', durationMinutes: 30, priceCents: 3500 }],
  staff: [{ id: 'marco', name: 'Marco', daysOff: [1, 7] }],
  hours: { weekly: [{ days: [2, 3, 4, 5, 6], open: 540, close: 1140 }] },
  slotMinutes: 15,
});

describe('the services and staff form', () => {
  it('round-trips the stored catalog: prices in dollars, days off as weekdays, hours and rules kept', () => {
    const form = catalogFormFrom(stored);
    expect(form).toEqual({ services: [{ id: 'haircut', name: 'Haircut', duration: '30', price: '35.00' }], staff: [{ id: 'marco', name: 'Marco', days_off: ['mon', 'sun'] }] });
    expect(CatalogDocument.parse(catalogWithForm(stored, CatalogForm.parse(form))).catalog).toEqual(stored);
  });

  it('adds a service and a person with ids from their names', () => {
    const form = catalogFormFrom(stored);
    form.services.push({ ...NEW_SERVICE, name: 'Beard Trim', duration: '15', price: '20' });
    form.staff.push({ ...NEW_STAFF, name: 'Ana Lucía', days_off: ['tue'] });
    const { catalog } = CatalogDocument.parse(catalogWithForm(stored, CatalogForm.parse(form)));
    expect(catalog.services[1]).toEqual({ id: 'beard-trim', name: 'Beard Trim', durationMinutes: 15, priceCents: 2000 });
    expect(catalog.staff[1]).toEqual({ id: 'ana-lucia', name: 'Ana Lucía', daysOff: [2] });
  });

  it('refuses a too-short service, a bad price and an empty staff list, naming each', () => {
    const r = CatalogForm.safeParse({ services: [{ ...NEW_SERVICE, name: 'Shave', duration: '2', price: 'ten' }], staff: [] });
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['services.0.duration', 'services.0.price', 'staff']));
    expect(catalogFieldOf('catalog.services.1.durationMinutes')).toBe('services.1.duration');
    expect(catalogFieldOf('catalog.staff.0.daysOff.1')).toBe('staff.0.days_off');
    expect(catalogFieldOf('catalog.hours')).toBeNull();
  });
});
