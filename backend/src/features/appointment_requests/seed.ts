import type { FeaturePorts } from '../../features/types.js';
import { appendHistoryOnce } from '../../shared/seed-history.js';
import { CatalogSchema } from './catalog.js';
import { DEMO_BARBERSHOP, DEMO_CATALOG } from './demo-catalog.js';
import { generateAppointmentHistory, historyMarker } from './demo-history.js';
import { CATALOG_PUBLISHED, catalogStream } from './events.js';

/** demo_barbershop: services, staff and hours, then 60 days of appointments and the coming week. */
export async function seedDemo(ports: FeaturePorts): Promise<void> {
  const tenant = await ports.db.selectFrom('tenants').selectAll().where('id', '=', DEMO_BARBERSHOP).executeTakeFirst();
  if (!tenant) return;
  await ports.events.append({
    tenantId: DEMO_BARBERSHOP,
    stream: catalogStream(DEMO_BARBERSHOP),
    events: [{ type: CATALOG_PUBLISHED, payload: { tenantId: DEMO_BARBERSHOP, catalog: DEMO_CATALOG }, idempotencyKey: 'seed:appointment-catalog:v1', metadata: { source: 'seed', actor_mode: 'system' } }],
  });
  const history = generateAppointmentHistory({
    tenantId: DEMO_BARBERSHOP,
    zone: tenant.time_zone,
    number: tenant.phone_numbers[0] ?? '+15550100002',
    catalog: CatalogSchema.parse(DEMO_CATALOG),
    now: ports.clock(),
  });
  await appendHistoryOnce(ports, DEMO_BARBERSHOP, historyMarker(DEMO_BARBERSHOP), history);
}
