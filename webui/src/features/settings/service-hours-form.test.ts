import { CatalogSchema, ServiceHours } from '@vozlia/contract';
import { describe, expect, it } from 'vitest';
import { hoursFieldOf, ServiceHoursForm, serviceHoursFormFrom, serviceHoursWithForm } from './service-hours-form';

// The demo barbershop's hours: three weekly rows, a short day and two closed days.
const shop: ServiceHours = {
  weekly: [
    { days: [2, 3, 4, 5], open: 540, close: 1140 },
    { days: [6], open: 540, close: 1020 },
    { days: [7], open: 600, close: 900 },
  ],
  overrides: [
    { date: '2026-12-24', ranges: [{ open: 540, close: 780 }] },
    { date: '2026-12-25', ranges: [] },
  ],
};

describe("the menu's and the catalog's hours as a form", () => {
  it('shows ISO weekdays and minutes as the opening hours do (day names, HH:MM), dates with their hours', () => {
    const rows = serviceHoursFormFrom(shop);
    expect(rows.weekly[0]).toEqual({ days: ['tue', 'wed', 'thu', 'fri'], open: '09:00', close: '19:00' });
    expect(rows.weekly[2]).toEqual({ days: ['sun'], open: '10:00', close: '15:00' });
    expect(rows.holidays).toEqual([
      { date: '2026-12-24', name: '', ranges: [{ open: '09:00', close: '13:00' }] },
      { date: '2026-12-25', name: '', ranges: [] },
    ]);
  });

  it('saves back exactly what it showed, and an edit lands in minutes', () => {
    expect(serviceHoursWithForm(ServiceHoursForm.parse(serviceHoursFormFrom(shop)))).toEqual(shop);
    const rows = serviceHoursFormFrom(shop);
    rows.weekly[0] = { days: ['mon', 'tue'], open: '11:30', close: '00:00' };
    const saved = serviceHoursWithForm(ServiceHoursForm.parse(rows));
    expect(saved.weekly[0]).toEqual({ days: [1, 2], open: 690, close: 1440 });
    expect(CatalogSchema.shape.hours.safeParse(saved).success).toBe(true);
  });

  it('needs at least one weekly row: without one no order or booking could be taken', () => {
    const r = ServiceHoursForm.safeParse({ ...serviceHoursFormFrom(shop), weekly: [] });
    expect(r.error!.issues).toEqual([expect.objectContaining({ path: ['weekly'], message: 'add at least one row of hours' })]);
  });

  it("puts the API's errors on the hours' own fields and leaves the document's others alone", () => {
    const menu = hoursFieldOf('menu.hours.');
    expect(menu('menu.hours.weekly.0.close')).toBe('weekly.0.close');
    expect(menu('menu.hours.overrides.1.ranges.0.open')).toBe('holidays.1.ranges.0.open');
    expect(menu('menu.categories.0.name')).toBeNull();
    expect(hoursFieldOf('catalog.hours.')('catalog.hours.weekly.2.days')).toBe('weekly.2.days');
  });
});
