import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import { MenuSchema, type Menu } from './menu.js';
import './tables.js';

const ORDERS_PAGE = 100;

/** Reads of this feature's tables (its projections write them). */
export class OrderStore {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** The tenant's published menu; undefined when none (or a stored one no longer parses). */
  async menu(tenantId: string): Promise<Menu | undefined> {
    const row = await this.#db.selectFrom('menus').select('menu').where('tenant_id', '=', tenantId).executeTakeFirst();
    if (!row) return undefined;
    const parsed = MenuSchema.safeParse(row.menu);
    return parsed.success ? parsed.data : undefined;
  }

  /** Names of the items that can be ordered now, and every option name among them, in menu order. */
  async availableItemNames(tenantId: string): Promise<{ names: string[]; options: string[] }> {
    const rows = await this.#db
      .selectFrom('menu_items')
      .select(['name', 'options'])
      .where('tenant_id', '=', tenantId)
      .where('available', '=', true)
      .orderBy('sort_order')
      .execute();
    const options = [...new Set(rows.flatMap((r) => r.options.map((o) => o.name)))];
    return { names: rows.map((r) => r.name), options };
  }

  /** Newest first. */
  orders(tenantId: string) {
    return this.#db.selectFrom('orders').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at', 'desc').limit(ORDERS_PAGE).execute();
  }

  order(tenantId: string, orderId: string) {
    return this.#db.selectFrom('orders').selectAll().where('id', '=', orderId).where('tenant_id', '=', tenantId).executeTakeFirst();
  }
}
