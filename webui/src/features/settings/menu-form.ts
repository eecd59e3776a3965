import { MenuCategorySchema, MenuItemSchema, MenuOptionSchema, MenuSchema, type Menu, type MenuDocumentInput } from '@vozlia/contract';
import { z } from 'zod';
import { Dollars, dollarsOf, NewRowId, Percent, WholeNumber, withIds } from './row-values';

const item = MenuItemSchema.shape;
const menuFields = MenuSchema.shape;
const delivery = menuFields.delivery.unwrap().shape;
const option = MenuOptionSchema.shape;

/** "add chicken +5, spicy" ⇄ options: a name, and an extra price in dollars when there is one. */
const OPTION_TEXT = /^(.*?)(?:\s*\+\s*(\d{1,4}(?:\.\d{1,2})?))?$/;
const Options = z.string().transform((text, ctx) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [, name = '', extra] = OPTION_TEXT.exec(part)!;
      const parsed = z.object(option).safeParse({ name, priceDeltaCents: extra ? Math.round(Number(extra) * 100) : 0 });
      if (!parsed.success) ctx.addIssue({ code: 'custom', message: `"${part}": an option is a name, then +price if it costs more` });
      return parsed.data ?? { name, priceDeltaCents: 0 };
    }),
);

/**
 * The menu's categories and items as a form, each field checked by the contract's schema:
 * prices in dollars, options as one line ("add chicken +5, spicy"); and how orders are taken:
 * how soon one is ready, how far ahead callers may order, delivery with its fee and minimum, the
 * sales tax. Kitchen hours have a form of their own (`service-hours-form.ts`) and are kept here as stored.
 */
export const MenuForm = z.object({
  ordering: z.object({
    prepMinutes: WholeNumber.pipe(menuFields.prepMinutes.unwrap()),
    maxDaysAhead: WholeNumber.pipe(menuFields.maxDaysAhead.unwrap()),
    delivers: z.boolean(),
    deliveryFee: Dollars.pipe(delivery.feeCents),
    deliveryMinimum: Dollars.pipe(delivery.minimumCents),
    taxRatePercent: Percent.pipe(menuFields.taxRatePercent.unwrap()),
  }),
  categories: z
    .array(
      z.object({
        name: MenuCategorySchema.shape.name,
        items: z.array(z.object({ id: NewRowId, name: item.name, description: item.description, price: Dollars.pipe(item.priceCents), available: z.boolean(), options: Options })),
      }),
    )
    .min(1, 'a menu needs at least one category'),
});
export type MenuFormInput = z.input<typeof MenuForm>;
export type MenuFormValue = z.output<typeof MenuForm>;

export const NEW_MENU_ITEM: MenuFormInput['categories'][number]['items'][number] = { id: '', name: '', description: '', price: '', available: true, options: '' };

const optionText = (o: { name: string; priceDeltaCents: number }) => (o.priceDeltaCents ? `${o.name} +${dollarsOf(o.priceDeltaCents)}` : o.name);

export function menuFormFrom(menu: Menu): MenuFormInput {
  return {
    ordering: {
      prepMinutes: String(menu.prepMinutes),
      maxDaysAhead: String(menu.maxDaysAhead),
      delivers: menu.delivery.enabled,
      deliveryFee: dollarsOf(menu.delivery.feeCents),
      deliveryMinimum: dollarsOf(menu.delivery.minimumCents),
      taxRatePercent: String(menu.taxRatePercent),
    },
    categories: menu.categories.map((c) => ({
      name: c.name,
      items: c.items.map((i) => ({ id: i.id, name: i.name, description: i.description, price: dollarsOf(i.priceCents), available: i.available, options: i.options.map(optionText).join(', ') })),
    })),
  };
}

/** The whole `PUT menu` body: this form over the stored menu; new items get ids from their names. */
export function menuWithForm(current: Menu, v: MenuFormValue): MenuDocumentInput {
  const ids = withIds(v.categories.flatMap((c) => c.items));
  let n = 0;
  const categories = v.categories.map((c) => ({
    name: c.name,
    items: c.items.map(() => {
      const i = ids[n++]!;
      return { id: i.id, name: i.name, description: i.description, priceCents: i.price, available: i.available, options: i.options };
    }),
  }));
  const o = v.ordering;
  return {
    menu: {
      ...current,
      prepMinutes: o.prepMinutes,
      maxDaysAhead: o.maxDaysAhead,
      taxRatePercent: o.taxRatePercent,
      delivery: { enabled: o.delivers, feeCents: o.deliveryFee, minimumCents: o.deliveryMinimum },
      categories,
    },
  };
}

const ORDERING_FIELDS: Record<string, keyof MenuFormInput['ordering']> = {
  'menu.prepMinutes': 'prepMinutes',
  'menu.maxDaysAhead': 'maxDaysAhead',
  'menu.delivery.feeCents': 'deliveryFee',
  'menu.delivery.minimumCents': 'deliveryMinimum',
  'menu.taxRatePercent': 'taxRatePercent',
};

/** Where a `PUT menu` 400 lands on this form: `menu.categories.0.items.1.priceCents` → `categories.0.items.1.price`. */
export function menuFieldOf(apiPath: string): string | null {
  const ordering = ORDERING_FIELDS[apiPath];
  if (ordering) return `ordering.${ordering}`;
  if (!apiPath.startsWith('menu.categories')) return null;
  return apiPath
    .slice('menu.'.length)
    .replace(/\.priceCents$/, '.price')
    .replace(/\.options\.\d+\.\w+$/, '.options')
    .replace(/\.id$/, '.name');
}
