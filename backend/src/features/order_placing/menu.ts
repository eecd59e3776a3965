import type { Menu, MenuItem } from '@vozlia/contract';

// The menu's shape is the contract's (the portal edits it with the same schema); the helpers are here.
export { MenuCategorySchema, MenuItemSchema, MenuOptionSchema, MenuSchema, type Menu, type MenuInput, type MenuItem } from '@vozlia/contract';

export interface MenuEntry extends MenuItem {
  category: string;
}

export function menuEntries(menu: Menu): MenuEntry[] {
  return menu.categories.flatMap((c) => c.items.map((i) => ({ ...i, category: c.name })));
}

/** The menu with one item switched on or off (an unknown id changes nothing). */
export function withAvailability(menu: Menu, itemId: string, available: boolean): Menu {
  return { ...menu, categories: menu.categories.map((c) => ({ ...c, items: c.items.map((i) => (i.id === itemId ? { ...i, available } : i)) })) };
}
