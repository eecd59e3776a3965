import type { ColumnType } from 'kysely';
import type { Json } from '../../storage/schema.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** Row types of this feature's tables, merged into `Database`. */
export interface MenusTable {
  tenant_id: string;
  menu: Json<Record<string, unknown>>;
  updated_at: Timestamp;
}

export interface MenuItemsTable {
  tenant_id: string;
  item_id: string;
  name: string;
  category: string;
  description: string;
  price_cents: number;
  available: boolean;
  options: Json<{ name: string; priceDeltaCents: number }[]>;
  sort_order: number;
}

export interface OrdersTable {
  id: string;
  tenant_id: string;
  call_sid: string | null;
  customer_name: string | null;
  customer_phone: string | null;
  fulfillment: string;
  requested_for: Timestamp | null;
  delivery_address: string | null;
  status: string;
  item_count: number;
  subtotal_cents: number;
  tax_cents: number;
  delivery_fee_cents: number;
  total_cents: number;
  notes: string | null;
  source: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrderItemsTable {
  order_id: string;
  tenant_id: string;
  line_no: number;
  item_name: string;
  category: string;
  quantity: number;
  unit_price_cents: number;
  options: string | null;
  line_total_cents: number;
  created_at: Timestamp;
}

declare module '../../storage/schema.js' {
  interface Database {
    menus: MenusTable;
    menu_items: MenuItemsTable;
    orders: OrdersTable;
    order_items: OrderItemsTable;
  }
}
