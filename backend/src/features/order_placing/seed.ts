import type { FeaturePorts } from '../../features/types.js';
import { appendHistoryOnce } from '../../shared/seed-history.js';
import { DEMO_MENU, DEMO_RESTAURANT, DEMO_TAX_RATE_PERCENT } from './demo-menu.js';
import { generateOrderHistory, historyMarker } from './demo-history.js';
import { MENU_PUBLISHED, menuStream } from './events.js';
import { MenuSchema, taxRatePercent } from './menu.js';

const SEED_META = { source: 'seed', actor_mode: 'system' } as const;

/** demo_restaurant: the menu, the tax rate in its settings, then 60 days of order history. */
export async function seedDemo(ports: FeaturePorts): Promise<void> {
  const tenant = await ports.db.selectFrom('tenants').selectAll().where('id', '=', DEMO_RESTAURANT).executeTakeFirst();
  if (!tenant) return;
  await ports.events.append({
    tenantId: DEMO_RESTAURANT,
    stream: menuStream(DEMO_RESTAURANT),
    events: [{ type: MENU_PUBLISHED, payload: { tenantId: DEMO_RESTAURANT, menu: DEMO_MENU }, idempotencyKey: 'seed:menu:v1', metadata: SEED_META }],
  });
  let settings = tenant.settings;
  if (typeof settings.tax_rate_percent !== 'number') {
    settings = { ...settings, tax_rate_percent: DEMO_TAX_RATE_PERCENT };
    await ports.events.append({
      tenantId: DEMO_RESTAURANT,
      stream: { type: 'tenant', id: DEMO_RESTAURANT },
      events: [{ type: 'tenant.updated', payload: { tenantId: DEMO_RESTAURANT, settings }, idempotencyKey: 'seed:tenant-settings:order_placing', metadata: SEED_META }],
    });
  }
  const menu = MenuSchema.parse(DEMO_MENU);
  const history = generateOrderHistory({
    tenantId: DEMO_RESTAURANT,
    zone: tenant.time_zone,
    number: tenant.phone_numbers[0] ?? '+15550100001',
    menu,
    taxPercent: taxRatePercent(menu, settings),
    now: ports.clock(),
  });
  await appendHistoryOnce(ports, DEMO_RESTAURANT, historyMarker(DEMO_RESTAURANT), history);
}
