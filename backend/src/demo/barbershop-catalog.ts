import { hm } from '../features/kit/opening-hours.js';
import type { CatalogInput } from '../features/appointment_requests/catalog.js';

export const DEMO_BARBERSHOP = 'demo_barbershop';

/** Sharp Cuts: 7 services, 3 barbers, closed Mondays and on holidays. */
export const DEMO_CATALOG: CatalogInput = {
  services: [
    { id: 'haircut', name: 'Haircut', durationMinutes: 30, priceCents: 3500 },
    { id: 'skin-fade', name: 'Skin Fade', durationMinutes: 45, priceCents: 4000 },
    { id: 'beard-trim', name: 'Beard Trim', durationMinutes: 15, priceCents: 2000 },
    { id: 'haircut-beard', name: 'Haircut and Beard', durationMinutes: 45, priceCents: 5000 },
    { id: 'kids-cut', name: 'Kids Cut', durationMinutes: 30, priceCents: 2500 },
    { id: 'hot-towel-shave', name: 'Hot Towel Shave', durationMinutes: 30, priceCents: 3500 },
    { id: 'buzz-cut', name: 'Buzz Cut', durationMinutes: 15, priceCents: 2000 },
  ],
  staff: [
    { id: 'marco', name: 'Marco', daysOff: [7] },
    { id: 'dre', name: 'Dre', daysOff: [3] },
    { id: 'sam', name: 'Sam', daysOff: [2] },
  ],
  hours: {
    weekly: [
      { days: [2, 3, 4, 5], open: hm('09:00'), close: hm('19:00') },
      { days: [6], open: hm('09:00'), close: hm('17:00') },
      { days: [7], open: hm('10:00'), close: hm('15:00') },
    ],
    overrides: [
      { date: '2026-12-24', ranges: [{ open: hm('09:00'), close: hm('13:00') }] },
      { date: '2026-12-25', ranges: [] },
      { date: '2027-01-01', ranges: [] },
    ],
  },
  slotMinutes: 15,
  leadMinutes: 30,
  horizonDays: 30,
};
