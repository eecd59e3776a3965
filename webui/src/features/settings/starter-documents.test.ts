import { MenuSchema } from '@vozlia/contract';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/api-error';
import { noneYetOn404, serviceHoursFrom, starterCatalog, starterMenu } from './starter-documents';

const opening = {
  weekly: [
    { days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, open: '09:00', close: '17:30' },
    { days: ['sat'] as const, open: '10:00', close: '14:00' },
  ].map((w) => ({ ...w, days: [...w.days] })),
  holidays: [{ date: '2026-12-25', ranges: [] }],
};

describe('starter menu and catalog for a business that has none yet', () => {
  it('takes orders and bookings during the opening hours (ISO weekdays, minutes), holidays closed', () => {
    expect(serviceHoursFrom(opening)).toEqual({
      weekly: [
        { days: [1, 2, 3, 4, 5], open: 540, close: 1050 },
        { days: [6], open: 600, close: 840 },
      ],
      overrides: [{ date: '2026-12-25', ranges: [] }],
    });
    expect(serviceHoursFrom(null).weekly, 'every day 11–21 when no hours are set').toEqual([{ days: [1, 2, 3, 4, 5, 6, 7], open: 660, close: 1260 }]);
  });

  it('a starter menu is a valid menu with one empty category; a starter catalog has the product defaults', () => {
    const menu = starterMenu(opening);
    expect(MenuSchema.safeParse(menu).success).toBe(true);
    expect(menu.categories).toEqual([{ name: 'Menu', items: [] }]);
    expect(starterCatalog(null)).toMatchObject({ services: [], staff: [], slotMinutes: 15, leadMinutes: 30, horizonDays: 30 });
  });

  it('reads a 404 as "none yet" and lets every other failure through', async () => {
    const fail = (status: number) => Promise.reject(new ApiError({ kind: status === 404 ? 'not_found' : 'server', status, message: 'x' }));
    await expect(noneYetOn404(fail(404))).resolves.toBeNull();
    await expect(noneYetOn404(fail(500))).rejects.toBeInstanceOf(ApiError);
    await expect(noneYetOn404(Promise.resolve({ menu: 1 }))).resolves.toEqual({ menu: 1 });
  });
});
