import { z } from 'zod';
import { OpeningHoursSchema } from '../kit/opening-hours.js';

export const MenuOptionSchema = z.object({
  name: z.string().min(1),
  priceDeltaCents: z.number().int().default(0),
});

export const MenuItemSchema = z.object({
  id: z.string().regex(/^[a-z0-9_-]+$/),
  name: z.string().min(1),
  description: z.string().default(''),
  priceCents: z.number().int().nonnegative(),
  available: z.boolean().default(true),
  options: z.array(MenuOptionSchema).default([]),
});
export type MenuItem = z.infer<typeof MenuItemSchema>;

export const MenuCategorySchema = z.object({ name: z.string().min(1), items: z.array(MenuItemSchema) });

/** The whole menu of a tenant, published at once (event `menu.published`). */
export const MenuSchema = z.object({
  currency: z.literal('USD').default('USD'),
  /** Used when the tenant settings carry no `tax_rate_percent`. */
  taxRatePercent: z.number().min(0).max(30).default(0),
  /** Minutes from ordering to pickup/delivery at the earliest. */
  prepMinutes: z.number().int().min(0).max(240).default(20),
  /** How far ahead an order may be placed. */
  maxDaysAhead: z.number().int().min(0).max(30).default(7),
  delivery: z
    .object({ enabled: z.boolean(), feeCents: z.number().int().nonnegative(), minimumCents: z.number().int().nonnegative() })
    .default({ enabled: false, feeCents: 0, minimumCents: 0 }),
  /** Kitchen hours: orders are taken for times inside them. */
  hours: OpeningHoursSchema,
  categories: z.array(MenuCategorySchema).min(1),
});
export type Menu = z.infer<typeof MenuSchema>;
export type MenuInput = z.input<typeof MenuSchema>;

export interface MenuEntry extends MenuItem {
  category: string;
}

export function menuEntries(menu: Menu): MenuEntry[] {
  return menu.categories.flatMap((c) => c.items.map((i) => ({ ...i, category: c.name })));
}

/** Tax rate: tenant settings win (`tax_rate_percent`), else the menu's. */
export function taxRatePercent(menu: Menu, settings: Record<string, unknown>): number {
  const fromSettings = settings.tax_rate_percent;
  return typeof fromSettings === 'number' && fromSettings >= 0 && fromSettings <= 30 ? fromSettings : menu.taxRatePercent;
}
