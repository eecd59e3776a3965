import { appendHistoryOnce } from './append-once.js';
import { CatalogSchema } from '../features/appointment_requests/catalog.js';
import { DEMO_BARBERSHOP, DEMO_CATALOG } from './barbershop-catalog.js';
import { generateAppointmentHistory, historyMarker } from './appointment-history.js';
import { CATALOG_PUBLISHED, catalogStream } from '../features/appointment_requests/events.js';
import { SEED_META, type DemoPorts } from './demo-ports.js';

/** demo_barbershop: services, staff and hours, then 60 days of appointments and the coming week. */
export async function seedAppointments(ports: DemoPorts): Promise<void> {
  const tenant = await ports.tenants.get(DEMO_BARBERSHOP);
  if (!tenant) return;
  await ports.events.append({
    tenantId: DEMO_BARBERSHOP,
    stream: catalogStream(DEMO_BARBERSHOP),
    events: [{ type: CATALOG_PUBLISHED, payload: { tenantId: DEMO_BARBERSHOP, catalog: DEMO_CATALOG }, idempotencyKey: 'seed:appointment-catalog:v1', metadata: SEED_META }],
  });
  const now = ports.clock();
  const history = () =>
    generateAppointmentHistory({
      tenantId: DEMO_BARBERSHOP,
      zone: tenant.timeZone,
      number: tenant.phoneNumbers[0] ?? '+15550100002',
      catalog: CatalogSchema.parse(DEMO_CATALOG),
      now,
    });
  await appendHistoryOnce(ports, DEMO_BARBERSHOP, historyMarker(DEMO_BARBERSHOP), history);
}
