import type { EventStore } from '../storage/event-store.js';
import { ConcurrencyError } from '../storage/events.js';
import { TENANT_CREATED, tenantStream, type TenantCreated } from '../tenancy/tenant-events.js';
import { SEED_META } from './demo-ports.js';

/** Contract §6: ids and numbers are stable across releases. */
export const DEMO_TENANTS: readonly TenantCreated[] = [
  {
    tenantId: 'demo_restaurant',
    displayName: 'Luigi’s Trattoria',
    vertical: 'restaurant',
    timeZone: 'America/New_York',
    phoneNumbers: ['+15550100001'],
    settings: { demo: true },
  },
  {
    tenantId: 'demo_barbershop',
    displayName: 'Sharp Cuts Barbershop',
    vertical: 'barbershop',
    timeZone: 'America/New_York',
    phoneNumbers: ['+15550100002'],
    settings: { demo: true },
  },
];

/**
 * Seeds the demo tenants as events. Idempotent (fixed keys, `no_stream`), so a restart or a
 * second instance starting at the same time seeds nothing twice.
 */
export async function seedDemoTenants(events: EventStore, at: Date = new Date()): Promise<number> {
  let created = 0;
  for (const t of DEMO_TENANTS) {
    try {
      const r = await events.append({
        tenantId: t.tenantId,
        stream: tenantStream(t.tenantId),
        expectedVersion: 'no_stream',
        events: [{ type: TENANT_CREATED, payload: t, idempotencyKey: `seed:tenant:${t.tenantId}`, occurredAt: at, metadata: SEED_META }],
      });
      if (!r.duplicate) created++;
    } catch (err) {
      if (!(err instanceof ConcurrencyError)) throw err;
    }
  }
  return created;
}
