/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and never see app types */
import type { Kysely, Migration } from 'kysely';

// Frozen in time: never import app types here; later changes get a new migration.
const orderPlacing: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('menus')
      .addColumn('tenant_id', 'text', (c) => c.primaryKey())
      .addColumn('menu', 'jsonb', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('menu_items')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('price_cents', 'integer', (c) => c.notNull())
      .addColumn('available', 'boolean', (c) => c.notNull())
      .addColumn('options', 'jsonb', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('menu_items_pk', ['tenant_id', 'item_id'])
      .execute();
    await db.schema
      .createTable('orders')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('call_sid', 'text')
      .addColumn('customer_name', 'text')
      .addColumn('customer_phone', 'text')
      .addColumn('fulfillment', 'text', (c) => c.notNull())
      .addColumn('requested_for', 'timestamptz')
      .addColumn('delivery_address', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('item_count', 'integer', (c) => c.notNull())
      .addColumn('subtotal_cents', 'integer', (c) => c.notNull())
      .addColumn('tax_cents', 'integer', (c) => c.notNull())
      .addColumn('delivery_fee_cents', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('total_cents', 'integer', (c) => c.notNull())
      .addColumn('notes', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('orders_tenant_created_idx').on('orders').columns(['tenant_id', 'created_at']).execute();
    await db.schema
      .createTable('order_items')
      .addColumn('order_id', 'text', (c) => c.notNull())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('line_no', 'integer', (c) => c.notNull())
      .addColumn('item_name', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('quantity', 'integer', (c) => c.notNull())
      .addColumn('unit_price_cents', 'integer', (c) => c.notNull())
      .addColumn('options', 'text')
      .addColumn('line_total_cents', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('order_items_pk', ['order_id', 'line_no'])
      .execute();
    await db.schema.createIndex('order_items_tenant_created_idx').on('order_items').columns(['tenant_id', 'created_at']).execute();
  },
  async down(db: Kysely<any>) {
    for (const t of ['order_items', 'orders', 'menu_items', 'menus']) await db.schema.dropTable(t).ifExists().execute();
  },
};

export const migrations: Record<string, Migration> = { '2026_11_25_100_order_placing': orderPlacing };
