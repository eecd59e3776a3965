import type { Kysely, Selectable } from 'kysely';
import type { PageKey } from '../../storage/pages.js';
import type { Database } from '../../storage/schema.js';
import { MenuSchema, type Menu } from './menu.js';
import type { OrderItemsTable, OrdersTable } from './tables.js';

const ORDERS_PAGE = 100;

export type OrderRow = Selectable<OrdersTable> & { lines: Selectable<OrderItemsTable>[] };

/** A list request: status, `[start, end)` on `created_at`, rows strictly older than `after`. */
export interface OrderFilter {
  status?: string;
  start?: Date;
  end?: Date;
  after?: PageKey;
  limit: number;
}

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

  /** Newest first by `(created_at, id)`, with each order's lines. */
  async list(tenantId: string, f: OrderFilter): Promise<OrderRow[]> {
    let q = this.#db.selectFrom('orders').selectAll().where('tenant_id', '=', tenantId);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.start) q = q.where('created_at', '>=', f.start);
    if (f.end) q = q.where('created_at', '<', f.end);
    const after = f.after;
    if (after) q = q.where((eb) => eb.or([eb('created_at', '<', after.at), eb.and([eb('created_at', '=', after.at), eb('id', '<', after.id)])]));
    const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
    return this.#withLines(tenantId, rows);
  }

  /** One order with its lines, or undefined (another tenant's order too). */
  async orderWithLines(tenantId: string, orderId: string): Promise<OrderRow | undefined> {
    const row = await this.order(tenantId, orderId);
    return row ? (await this.#withLines(tenantId, [row]))[0] : undefined;
  }

  async #withLines(tenantId: string, rows: Selectable<OrdersTable>[]): Promise<OrderRow[]> {
    if (rows.length === 0) return [];
    const lines = await this.#db
      .selectFrom('order_items')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('order_id', 'in', rows.map((r) => r.id))
      .orderBy('line_no')
      .execute();
    return rows.map((r) => ({ ...r, lines: lines.filter((l) => l.order_id === r.id) }));
  }
}
