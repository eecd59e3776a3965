import { OWNER_CONTACT_UPSERTED, ownerContactStream, type OwnerContactUpserted } from '../features/contacts/events.js';
import { SEED_META, type DemoPorts } from './demo-ports.js';

const DEMO_OWNERS: OwnerContactUpserted[] = [
  { tenantId: 'demo_restaurant', contactId: 'owner', name: 'Luigi Bianchi', phone: '+15550109001', email: 'luigi@example.com', notify: { missed_call: ['sms', 'portal'], order_placed: ['portal'], appointment_requested: ['portal'] } },
  { tenantId: 'demo_barbershop', contactId: 'owner', name: 'Marco Reyes', phone: '+15550109002', email: 'marco@example.com', notify: { missed_call: ['sms', 'portal'], appointment_requested: ['sms', 'portal'] } },
];

/** The demo owners with their notification preferences. Customers come from the history's events. */
export async function seedOwnerContacts(ports: Pick<DemoPorts, 'events' | 'tenants'>): Promise<void> {
  for (const owner of DEMO_OWNERS) {
    if (!(await ports.tenants.get(owner.tenantId))) continue;
    await ports.events.append({
      tenantId: owner.tenantId,
      stream: ownerContactStream(owner.tenantId, owner.contactId),
      events: [{ type: OWNER_CONTACT_UPSERTED, payload: owner, idempotencyKey: `seed:owner-contact:${owner.contactId}:v1`, metadata: SEED_META }],
    });
  }
}
