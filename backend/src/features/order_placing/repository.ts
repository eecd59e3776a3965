import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import { MenuSchema, type Menu } from './menu.js';
import './tables.js';

/** Reads this feature's projections. */
export async function loadMenu(db: Kysely<Database>, tenantId: string): Promise<Menu | undefined> {
  const row = await db.selectFrom('menus').select('menu').where('tenant_id', '=', tenantId).executeTakeFirst();
  if (!row) return undefined;
  const parsed = MenuSchema.safeParse(row.menu);
  return parsed.success ? parsed.data : undefined;
}

export async function availableItemNames(db: Kysely<Database>, tenantId: string): Promise<{ names: string[]; options: string[] }> {
  const rows = await db
    .selectFrom('menu_items')
    .select(['name', 'options'])
    .where('tenant_id', '=', tenantId)
    .where('available', '=', true)
    .orderBy('sort_order')
    .execute();
  const options = [...new Set(rows.flatMap((r) => r.options.map((o) => o.name)))];
  return { names: rows.map((r) => r.name), options };
}
