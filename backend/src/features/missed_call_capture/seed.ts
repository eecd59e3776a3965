import type { FeaturePorts } from '../../features/types.js';
import { appendHistoryOnce } from '../../shared/seed-history.js';
import { generateMissedCalls, historyMarker } from './demo-history.js';

const DEMO_TENANTS = ['demo_restaurant', 'demo_barbershop'];

/** 60 days of missed calls (with their notifications) for each demo tenant. */
export async function seedDemo(ports: FeaturePorts): Promise<void> {
  for (const tenantId of DEMO_TENANTS) {
    const tenant = await ports.db.selectFrom('tenants').select(['time_zone', 'phone_numbers']).where('id', '=', tenantId).executeTakeFirst();
    if (!tenant) continue;
    const history = generateMissedCalls({ tenantId, zone: tenant.time_zone, number: tenant.phone_numbers[0] ?? '+15550100000', now: ports.clock() });
    await appendHistoryOnce(ports, tenantId, historyMarker(tenantId), history);
  }
}
