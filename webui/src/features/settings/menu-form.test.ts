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
    expect(menuFieldOf('menu.hours.weekly')).toBeNull();
  });
});
