import { appendHistoryOnce } from './append-once.js';
import type { DemoPorts } from './demo-ports.js';
import { generateMissedCalls, historyMarker } from './missed-call-history.js';

const DEMO_TENANTS = ['demo_restaurant', 'demo_barbershop'];

/** 60 days of missed calls (with their notifications) for each demo tenant. */
export async function seedMissedCalls(ports: DemoPorts): Promise<void> {
  for (const tenantId of DEMO_TENANTS) {
    const tenant = await ports.tenants.get(tenantId);
    if (!tenant) continue;
    const history = generateMissedCalls({ tenantId, zone: tenant.timeZone, number: tenant.phoneNumbers[0] ?? '+15550100000', now: ports.clock() });
    await appendHistoryOnce(ports, tenantId, historyMarker(tenantId), history);
  }
}
