import type { Projection, StoredEvent, Trx } from '../../storage/events.js';
import {
  MENU_ITEM_AVAILABILITY_CHANGED,
  MENU_PUBLISHED,
  ORDER_CANCELLED,
  ORDER_COMPLETED,
  ORDER_CONFIRMED,
  ORDER_PLACED,
  ORDER_READY,
  type MenuItemAvailabilityChanged,
  type MenuPublished,
  type OrderCompleted,
  type OrderPlaced,
} from './events.js';
import { menuEntries, MenuSchema, withAvailability } from './menu.js';
import './tables.js';

/** `menus` + `menu_items`: the current menu of each tenant. */
export const menuProjection: Projection = {
  name: 'menu',
  handles: [MENU_PUBLISHED, MENU_ITEM_AVAILABILITY_CHANGED],
  tables: ['menu_items', 'menus'],
  async apply(trx: Trx, event: StoredEvent) {
    if (event.type === MENU_PUBLISHED) {
      const p = event.payload as unknown as MenuPublished;
      const parsed = MenuSchema.safeParse(p.menu);
      if (!parsed.success) return; // a malformed menu is skipped, never fatal
      const menu = parsed.data;
      await trx
        .insertInto('menus')
        .values({ tenant_id: event.tenantId, menu: JSON.stringify(menu), updated_at: event.occurredAt })
        .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ menu: JSON.stringify(menu), updated_at: event.occurredAt }))
        .execute();
      await trx.deleteFrom('menu_items').where('tenant_id', '=', event.tenantId).execute();
      const entries = menuEntries(menu);
      if (entries.length === 0) return;
      await trx
        .insertInto('menu_items')
        .values(
          entries.map((e, i) => ({
            tenant_id: event.tenantId,
            item_id: e.id,
            name: e.name,
            category: e.category,
            description: e.description,
            price_cents: e.priceCents,
            available: e.available,
            options: JSON.stringify(e.options),
            sort_order: i,
          })),
        )
        .onConflict((oc) => oc.columns(['tenant_id', 'item_id']).doNothing())
        .execute();
      return;
    }
    const p = event.payload as unknown as MenuItemAvailabilityChanged;
    await trx
      .updateTable('menu_items')
      .set({ available: p.available })
      .where('tenant_id', '=', event.tenantId)
      .where('item_id', '=', p.itemId)
      .execute();
    // The stored document follows too, so `GET menu` (and the next full edit) shows the switch.
    const row = await trx.selectFrom('menus').select('menu').where('tenant_id', '=', event.tenantId).executeTakeFirst();
    const parsed = MenuSchema.safeParse(row?.menu);
    if (!parsed.success) return;
    const menu = withAvailability(parsed.data, p.itemId, p.available);
    await trx.updateTable('menus').set({ menu: JSON.stringify(menu), updated_at: event.occurredAt }).where('tenant_id', '=', event.tenantId).execute();
  },
};

const STATUS_AFTER: Readonly<Record<string, string>> = {
  [ORDER_CONFIRMED]: 'confirmed',
  [ORDER_READY]: 'ready',
  [ORDER_COMPLETED]: 'completed',
  [ORDER_CANCELLED]: 'cancelled',
};

/** `orders` + `order_items`, with status. */
export const ordersProjection: Projection = {
  name: 'orders',
  handles: [ORDER_PLACED, ORDER_CONFIRMED, ORDER_READY, ORDER_COMPLETED, ORDER_CANCELLED],
  tables: ['order_items', 'orders'],
  async apply(trx: Trx, event: StoredEvent) {
    if (event.type === ORDER_PLACED) {
      const p = event.payload as unknown as OrderPlaced;
      if (!p.orderId || !Array.isArray(p.lines)) return;
      await trx
        .insertInto('orders')
        .values({
          id: p.orderId,
          tenant_id: event.tenantId,
          call_sid: p.callSid ?? null,
          customer_name: p.customerName ?? null,
          customer_phone: p.customerPhone ?? null,
          fulfillment: p.fulfillment,
          requested_for: p.requestedFor ?? null,
          delivery_address: p.deliveryAddress ?? null,
          status: 'placed',
          item_count: p.lines.reduce((s, l) => s + l.quantity, 0),
          subtotal_cents: p.subtotalCents,
          tax_cents: p.taxCents,
          delivery_fee_cents: p.deliveryFeeCents ?? 0,
          total_cents: p.totalCents,
          notes: p.notes ?? null,
          source: p.source,
          created_at: event.occurredAt,
          updated_at: event.occurredAt,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      if (p.lines.length === 0) return;
      await trx
        .insertInto('order_items')
        .values(
          p.lines.map((l) => ({
            order_id: p.orderId,
            tenant_id: event.tenantId,
            line_no: l.lineNo,
            item_name: l.itemName,
            category: l.category,
            quantity: l.quantity,
            unit_price_cents: l.unitPriceCents,
            options: l.options.length ? l.options.join(', ') : null,
            line_total_cents: l.lineTotalCents,
            created_at: event.occurredAt,
          })),
        )
        .onConflict((oc) => oc.columns(['order_id', 'line_no']).doNothing())
        .execute();
      return;
    }
    const p = event.payload as unknown as OrderCompleted;
    await trx
      .updateTable('orders')
      .set({ status: STATUS_AFTER[event.type] ?? 'placed', updated_at: event.occurredAt })
      .where('id', '=', p.orderId)
      .where('tenant_id', '=', event.tenantId)
      .execute();
  },
};
