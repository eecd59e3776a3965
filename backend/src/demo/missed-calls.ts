import { appendHistoryPerTenant } from './append-once.js';
import type { DemoPorts } from './demo-ports.js';
import { generateMissedCalls, historyMarker } from './missed-call-history.js';

const DEMO_TENANTS = ['demo_restaurant', 'demo_barbershop'];

/** 60 days of missed calls (with their notifications) for each demo tenant. */
export async function seedMissedCalls(ports: DemoPorts): Promise<void> {
  await appendHistoryPerTenant(ports, DEMO_TENANTS, historyMarker, (tenant, now) =>
    generateMissedCalls({ tenantId: tenant.id, zone: tenant.timeZone, number: tenant.phoneNumbers[0] ?? '+15550100000', now }),
  );
}
