import { CatalogSchema, MenuSchema, type Catalog, type Menu, type OpeningHours, type ServiceHours } from '@vozlia/contract';
import { ApiError } from '@/lib/api/api-error';
import { serviceHoursOf } from './service-hours-form';

/** Every day, 11:00 to 21:00, until the owner sets opening hours. */
const EVERY_DAY: ServiceHours = { weekly: [{ days: [1, 2, 3, 4, 5, 6, 7], open: 11 * 60, close: 21 * 60 }], overrides: [] };

/** The business's opening hours (settings) as a kitchen's or a shop's hours; every day 11–21 when none are set. */
export const serviceHoursFrom = (opening: OpeningHours | null): ServiceHours => (!opening || opening.weekly.length === 0 ? EVERY_DAY : serviceHoursOf(opening));

/** A first menu to fill in: the product's defaults, taken during the opening hours. */
export const starterMenu = (opening: OpeningHours | null): Menu => MenuSchema.parse({ hours: serviceHoursFrom(opening), categories: [{ name: 'Menu', items: [] }] });

/**
 * A first list of services and staff to fill in. Not a valid catalog until it has one of each,
 * so it is built without the schema's check; the form checks before saving.
 */
export const starterCatalog = (opening: OpeningHours | null): Catalog => {
  const defaults = CatalogSchema.shape;
  return { services: [], staff: [], hours: serviceHoursFrom(opening), slotMinutes: defaults.slotMinutes.parse(undefined), leadMinutes: defaults.leadMinutes.parse(undefined), horizonDays: defaults.horizonDays.parse(undefined) };
};

/** `GET menu` and `GET catalog` answer 404 until a first one is saved: that is "none yet", not an error. */
export async function noneYetOn404<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}
