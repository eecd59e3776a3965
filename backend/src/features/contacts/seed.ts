import type { FeaturePorts } from '../../features/types.js';
import { OWNER_CONTACT_UPSERTED, ownerContactStream, type OwnerContactUpserted } from './events.js';

const DEMO_OWNERS: OwnerContactUpserted[] = [
  { tenantId: 'demo_restaurant', contactId: 'owner', name: 'Luigi Bianchi', phone: '+15550109001', email: 'luigi@example.com', notify: { missed_call: ['sms', 'portal'], order_placed: ['portal'], appointment_requested: ['portal'] } },
  { tenantId: 'demo_barbershop', contactId: 'owner', name: 'Marco Reyes', phone: '+15550109002', email: 'marco@example.com', notify: { missed_call: ['sms', 'portal'], appointment_requested: ['sms', 'portal'] } },
];

/** The demo owners with their notification preferences. Customers come from the history's events. */
export async function seedDemo(ports: FeaturePorts): Promise<void> {
  for (const owner of DEMO_OWNERS) {
    const tenant = await ports.db.selectFrom('tenants').select('id').where('id', '=', owner.tenantId).executeTakeFirst();
    if (!tenant) continue;
    await ports.events.append({
      tenantId: owner.tenantId,
      stream: ownerContactStream(owner.tenantId, owner.contactId),
      events: [{ type: OWNER_CONTACT_UPSERTED, payload: owner, idempotencyKey: `seed:owner-contact:${owner.contactId}:v1`, metadata: { source: 'seed', actor_mode: 'system' } }],
    });
  }
}
