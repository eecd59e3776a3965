import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../compose/core.js';
import type { FeaturePorts, ToolCallContext } from '../../features/types.js';
import { testCore, testMigrations } from '../../testing/test-core.js';
import { seedOrders } from '../../demo/orders.js';
import { seedDemoTenants } from '../../demo/tenants.js';
import type { Tenant } from '../../tenancy/tenant.js';
import { openMigratedTestDatabase, testDatabaseKinds, type TestDatabase } from '../../testing/test-db.js';
import { feature } from './index.js';
import type { OrderStore } from './store.js';

// Tuesday 2026-12-01 18:00 in New York.
const NOW = new Date('2026-12-01T23:00:00Z');

describe.each(testDatabaseKinds())('order_placing on %s', (kind) => {
  let handle: TestDatabase;
  let core: Core;
  let ports: FeaturePorts<OrderStore>;
  let tenant: Tenant;
  const ctx = (): ToolCallContext<OrderStore> => ({
    tenant,
    actorMode: 'client',
    source: 'voice',
    callSid: 'CAtest0001',
    callerNumber: '+15557770001',
    signal: new AbortController().signal,
    ports,
    log: pino({ level: 'silent' }),
  });

  beforeAll(async () => {
    handle = await openMigratedTestDatabase(kind, testMigrations([feature]));
    core = testCore(handle, [feature], { clock: () => NOW });
    ports = core.portsOf(feature);
    await seedDemoTenants(core.events, new Date('2026-09-01T00:00:00Z'));
    await seedOrders(core);
    tenant = (await core.tenants.get('demo_restaurant'))!;
  });
  afterAll(async () => handle?.close());

  it("seeds the menu, the tax rate, 60 days of orders and today's open ones, once", async () => {
    const { menu } = await core.db.selectFrom('menus').select('menu').where('tenant_id', '=', 'demo_restaurant').executeTakeFirstOrThrow();
    // The menu is the tax rate's one home (the portal's menu form edits it).
    expect(menu.taxRatePercent).toBe(8.875);
    expect(tenant.settings.tax_rate_percent).toBeUndefined();
    const items = await core.db.selectFrom('menu_items').select('name').where('tenant_id', '=', 'demo_restaurant').execute();
    expect(items.length).toBeGreaterThanOrEqual(15);
    const count = async () => Number((await core.db.selectFrom('orders').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    expect(before).toBeGreaterThan(120);
    const rows = await core.db.selectFrom('orders').select(['status', 'created_at']).execute();
    const history = rows.filter((r) => r.status === 'cancelled' || r.status === 'completed');
    expect(new Set(history.map((r) => r.status)), 'the history ends in kitchens done or orders cancelled').toEqual(new Set(['cancelled', 'completed']));
    // The rest are today's open orders (none in the first minutes after midnight), placed within the last two hours.
    const open = rows.filter((r) => !history.includes(r));
    expect(open.length).toBeLessThanOrEqual(3);
    for (const r of open) {
      expect(['placed', 'confirmed']).toContain(r.status);
      expect(NOW.getTime() - new Date(r.created_at).getTime()).toBeLessThan(2 * 3600_000);
    }
    await seedOrders(core);
    expect(await count()).toBe(before);
  });

  it('offers the available item names as an enum', async () => {
    const params = (await placeOrderTool().parameters(tenant, ports)) as { properties: { items: { items: { properties: { name: { enum: string[] } } } } } };
    expect(params.properties.items.items.properties.name.enum).toContain('Margherita Pizza');
  });

  it('requires in its schema the name the handler refuses to place an order without', async () => {
    const params = (await placeOrderTool().parameters(tenant, ports)) as { required: string[] };
    expect(params.required).toContain('customer_name');
    const nameless = { items: [{ name: 'Tiramisu', quantity: 1 }], fulfillment: 'pickup', requested_time: '2026-12-01T19:00' };
    expect(await placeOrderTool().handler(nameless, ctx())).toMatchObject({ ok: false, error: 'name_required' });
  });

  it('quotes, then places an order whose projection row and items are right', async () => {
    const args = { items: [{ name: 'Margherita Pizza', quantity: 2, options: ['large'] }, { name: 'Tiramisu', quantity: 1 }], customer_name: 'Ada', fulfillment: 'pickup', requested_time: '2026-12-01T19:00' };
    const quote = (await placeOrderTool().handler({ ...args, quote_only: true }, ctx())) as { ok: boolean; placed: boolean; total_cents: number; say: string };
    expect(quote).toMatchObject({ ok: true, placed: false });
    const subtotal = 2 * (1495 + 400) + 850;
    const tax = Math.round((subtotal * 8.875) / 100);
    expect(quote.total_cents).toBe(subtotal + tax);
    expect(quote.say).toContain('2 Margherita Pizza (large) and 1 Tiramisu');
    expect(await core.db.selectFrom('orders').selectAll().where('call_sid', '=', 'CAtest0001').execute()).toHaveLength(0);

    const r = (await placeOrderTool().handler(args, ctx())) as { ok: boolean; order_id: string };
    expect(r.ok).toBe(true);
    const row = await core.db.selectFrom('orders').selectAll().where('id', '=', r.order_id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ tenant_id: 'demo_restaurant', call_sid: 'CAtest0001', customer_name: 'Ada', customer_phone: '+15557770001', fulfillment: 'pickup', status: 'placed', item_count: 3, subtotal_cents: subtotal, tax_cents: tax, total_cents: subtotal + tax, source: 'voice' });
    expect(new Date(row.requested_for!).toISOString()).toBe('2026-12-02T00:00:00.000Z');
    const lines = await core.db.selectFrom('order_items').selectAll().where('order_id', '=', r.order_id).orderBy('line_no').execute();
    expect(lines.map((l) => [l.item_name, l.category, l.quantity, l.unit_price_cents, l.options, l.line_total_cents])).toEqual([
      ['Margherita Pizza', 'Pizza', 2, 1895, 'large', 3790],
      ['Tiramisu', 'Desserts', 1, 850, null, 850],
    ]);
  });

  it('refuses an unknown item and an off-hours pickup with a speakable reason', async () => {
    const unknown = await placeOrderTool().handler({ items: [{ name: 'Sushi', quantity: 1 }], customer_name: 'Ada', fulfillment: 'pickup' }, ctx());
    expect(unknown).toEqual({ ok: false, error: 'unknown_item', message: `Sorry, we don't have "Sushi" on our menu.` });
    const late = await placeOrderTool().handler({ items: [{ name: 'Lasagna', quantity: 1 }], customer_name: 'Ada', fulfillment: 'pickup', requested_time: '2026-12-01T23:30' }, ctx());
    expect(late).toMatchObject({ ok: false, error: 'kitchen_closed' });
    expect((late as { message: string }).message).toMatch(/^Sorry, the kitchen is closed today at 11:30 PM\./);
  });

  it('rebuilds every projection to the same rows', async () => {
    const snapshot = async () => ({
      menus: await core.db.selectFrom('menus').selectAll().orderBy('tenant_id').execute(),
      items: await core.db.selectFrom('menu_items').selectAll().orderBy('tenant_id').orderBy('item_id').execute(),
      orders: await core.db.selectFrom('orders').selectAll().orderBy('id').execute(),
      lines: await core.db.selectFrom('order_items').selectAll().orderBy('order_id').orderBy('line_no').execute(),
    });
    const live = await snapshot();
    for (const p of feature.projections!({ reads: core.reads })) await core.events.rebuild(p.name);
    expect(await snapshot()).toEqual(live);
  });
});

function placeOrderTool() {
  return feature.tools!.find((t) => t.name === 'place_order')!;
}
