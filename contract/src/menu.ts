import { z } from 'zod';
import { ServiceHours } from './service-hours.js';

/**
 * `GET/PUT /api/tenants/:tenant_id/menu` (PUT owner-only): a restaurant's whole menu, published
 * at once (event `menu.published`); `POST menu/items/:item_id/availability` switches one item.
 * The next call's `place_order` offers exactly the available items.
 */
const Slug = z.string().regex(/^[a-z0-9_-]+$/, 'lower-case letters, digits, - and _ only');

export const MenuOptionSchema = z.object({
  name: z.string().trim().min(1, 'a name is needed').max(100),
  priceDeltaCents: z.number().int().default(0),
});

export const MenuItemSchema = z.object({
  id: Slug,
  name: z.string().trim().min(1, 'a name is needed').max(100),
  description: z.string().max(500).default(''),
  priceCents: z.number().int().nonnegative(),
  available: z.boolean().default(true),
  options: z.array(MenuOptionSchema).default([]),
});
export type MenuItem = z.infer<typeof MenuItemSchema>;

export const MenuCategorySchema = z.object({ name: z.string().trim().min(1, 'a name is needed').max(100), items: z.array(MenuItemSchema) });

/** Item ids and names are how orders and the tool name items: each once per menu. */
const uniqueItems = (categories: { items: { id: string; name: string }[] }[], ctx: z.RefinementCtx) => {
  const ids = new Set<string>();
  const names = new Set<string>();
  categories.forEach((c, ci) =>
    c.items.forEach((item, ii) => {
      if (ids.has(item.id)) ctx.addIssue({ code: 'custom', message: 'another item has this id', path: [ci, 'items', ii, 'id'] });
      if (names.has(item.name.toLowerCase())) ctx.addIssue({ code: 'custom', message: 'another item has this name', path: [ci, 'items', ii, 'name'] });
      ids.add(item.id);
      names.add(item.name.toLowerCase());
    }),
  );
};

/** The whole menu of a tenant (event `menu.published`). */
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
  hours: ServiceHours,
  categories: z.array(MenuCategorySchema).min(1).superRefine(uniqueItems),
});
export type Menu = z.infer<typeof MenuSchema>;
export type MenuInput = z.input<typeof MenuSchema>;

/** What `GET menu` answers, and `PUT menu` takes and answers. */
export const MenuDocument = z.object({ menu: MenuSchema });
export type MenuDocumentInput = z.input<typeof MenuDocument>;
export type MenuDocument = z.output<typeof MenuDocument>;

/** `POST menu/items/:item_id/availability`: sold out today, back tomorrow. */
export const SetMenuItemAvailabilityRequest = z.object({ available: z.boolean() });
