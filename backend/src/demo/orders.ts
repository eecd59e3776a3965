import { appendHistoryOnce } from './append-once.js';
import { DEMO_MENU, DEMO_RESTAURANT } from './restaurant-menu.js';
import { generateOrderHistory, historyMarker } from './order-history.js';
import { generateTodaysOrders, todaysOrdersMarker } from './todays-orders.js';
import { MENU_PUBLISHED, menuStream } from '../features/order_placing/events.js';
import { MenuSchema } from '../features/order_placing/menu.js';
import { SEED_META, type DemoPorts } from './demo-ports.js';

/** demo_restaurant: the menu (its tax rate included), 60 days of order history, then today's open orders. */
export async function seedOrders(ports: DemoPorts): Promise<void> {
  const tenant = await ports.tenants.get(DEMO_RESTAURANT);
  if (!tenant) return;
  await ports.events.append({
    tenantId: DEMO_RESTAURANT,
    stream: menuStream(DEMO_RESTAURANT),
    events: [{ type: MENU_PUBLISHED, payload: { tenantId: DEMO_RESTAURANT, menu: DEMO_MENU }, idempotencyKey: 'seed:menu:v1', metadata: SEED_META }],
  });
  const menu = MenuSchema.parse(DEMO_MENU);
  const input = {
    tenantId: DEMO_RESTAURANT,
    zone: tenant.timeZone,
    number: tenant.phoneNumbers[0] ?? '+15550100001',
    menu,
    taxPercent: menu.taxRatePercent,
    now: ports.clock(),
  };
  await appendHistoryOnce(ports, DEMO_RESTAURANT, historyMarker(DEMO_RESTAURANT), () => generateOrderHistory(input));
  await appendHistoryOnce(ports, DEMO_RESTAURANT, todaysOrdersMarker(DEMO_RESTAURANT), () => generateTodaysOrders(input));
}
