import { MenuDocument, MenuSchema } from '@vozlia/contract';
import { describe, expect, it } from 'vitest';
import { MenuForm, menuFieldOf, menuFormFrom, menuWithForm, NEW_MENU_ITEM } from './menu-form';

const stored = MenuSchema.parse({
  taxRatePercent: 8,
  hours: { weekly: [{ days: [2, 3, 4, 5, 6, 7], open: 660, close: 1320 }] },
  delivery: { enabled: true, feeCents: 399, minimumCents: 2000 },
  categories: [
    { name: 'Pizza', items: [{ id: 'margherita', name: 'Margherita Pizza', priceCents: 1495, options: [{ name: 'gluten-free crust', priceDeltaCents: 300 }, { name: 'extra basil' }] }] },
    { name: 'Drinks', items: [{ id: 'soda', name: 'Soda', priceCents: 300, available: false }] },
  ],
});

describe('the menu form', () => {
  it('round-trips the stored menu: prices in dollars, options as one line, hours and delivery kept', () => {
    const form = menuFormFrom(stored);
    expect(form.categories[0]!.items[0]).toMatchObject({ price: '14.95', options: 'gluten-free crust +3.00, extra basil', available: true });
    const body = menuWithForm(stored, MenuForm.parse(form));
    expect(MenuDocument.parse(body).menu).toEqual(stored);
  });

  it('changes how orders are taken: ready in, days ahead, delivery with its fee and minimum, tax; kitchen hours kept', () => {
    const form = menuFormFrom(stored);
    expect(form.ordering).toEqual({ prepMinutes: '20', maxDaysAhead: '7', delivers: true, deliveryFee: '3.99', deliveryMinimum: '20.00', taxRatePercent: '8' });
    form.ordering = { prepMinutes: '35', maxDaysAhead: '2', delivers: false, deliveryFee: '5', deliveryMinimum: '25.50', taxRatePercent: '8.875' };
    const { menu } = MenuDocument.parse(menuWithForm(stored, MenuForm.parse(form)));
    expect(menu).toEqual({ ...stored, prepMinutes: 35, maxDaysAhead: 2, taxRatePercent: 8.875, delivery: { enabled: false, feeCents: 500, minimumCents: 2550 } });
  });

  it('refuses ordering values the menu cannot hold, next to their fields', () => {
    const form = menuFormFrom(stored);
    form.ordering = { ...form.ordering, prepMinutes: '300', maxDaysAhead: 'soon', deliveryFee: '-1', taxRatePercent: '31' };
    const r = MenuForm.safeParse(form);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['ordering.deliveryFee', 'ordering.maxDaysAhead', 'ordering.prepMinutes', 'ordering.taxRatePercent']);
  });

  it('gives a new item an id from its name, unique on the menu, and reads its price and options', () => {
    const form = menuFormFrom(stored);
    form.categories[1]!.items.push({ ...NEW_MENU_ITEM, name: 'Soda', price: '2.5', options: 'lemon +0.25, ice' });
    form.categories[1]!.items[0]!.name = 'Cola';
    const body = MenuDocument.parse(menuWithForm(stored, MenuForm.parse(form)));
    expect(body.menu.categories[1]!.items[1]).toEqual({ id: 'soda-2', name: 'Soda', description: '', priceCents: 250, available: true, options: [{ name: 'lemon', priceDeltaCents: 25 }, { name: 'ice', priceDeltaCents: 0 }] });
  });

  it('takes a new row with no id at all', () => {
    const form = menuFormFrom(stored);
    const { id: _omitted, ...appended } = { ...NEW_MENU_ITEM, name: 'Tiramisu', price: '7' };
    (form.categories[0]!.items as unknown[]).push(appended);
    const body = MenuDocument.parse(menuWithForm(stored, MenuForm.parse(form)));
    expect(body.menu.categories[0]!.items[1]).toMatchObject({ id: 'tiramisu', name: 'Tiramisu', priceCents: 700 });
  });

  it('names the row and field that is wrong', () => {
    const form = menuFormFrom(stored);
    form.categories[0]!.items[0]!.price = '14,95';
    form.categories[1]!.name = ' ';
    const r = MenuForm.safeParse(form);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['categories.0.items.0.price', 'categories.1.name']));
  });

  it("puts the API's errors next to the form's fields", () => {
    expect(menuFieldOf('menu.categories.0.items.1.priceCents')).toBe('categories.0.items.1.price');
    expect(menuFieldOf('menu.categories.2.items.0.options.1.name')).toBe('categories.2.items.0.options');
    expect(menuFieldOf('menu.categories.0.items.3.id')).toBe('categories.0.items.3.name');
    expect(menuFieldOf('menu.delivery.feeCents')).toBe('ordering.deliveryFee');
    expect(menuFieldOf('menu.prepMinutes')).toBe('ordering.prepMinutes');
    expect(menuFieldOf('menu.taxRatePercent')).toBe('ordering.taxRatePercent');
    expect(menuFieldOf('menu.hours.weekly')).toBeNull();
  });
});
