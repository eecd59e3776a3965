import type { Accounts } from '@vozlia/control-plane';
import type { FeatureRegistry } from '../features/registry.js';
import type { KeyedHasher } from '../tenancy/access-hash.js';
import { seedDemoAccessCodes } from './access-codes.js';
import { seedAppointments } from './appointments.js';
import type { DemoPorts } from './demo-ports.js';
import { seedKnowledgeBase } from './knowledge-base.js';
import { seedMissedCalls } from './missed-calls.js';
import { seedDemoNotificationSettings } from './notification-settings.js';
import { seedOrders } from './orders.js';
import { seedOwnerContacts } from './owner-contacts.js';
import { seedDemoOwners } from './owners.js';
import { seedDemoSettings } from './tenant-settings.js';
import { seedDemoTenants } from './tenants.js';
import { seedTransferCalls } from './transfer-history.js';

/** Each feature's demo data, by feature name: seeded only when that feature is loaded. */
const FEATURE_SEEDS: Readonly<Record<string, (ports: DemoPorts) => Promise<void>>> = {
  appointment_requests: seedAppointments,
  call_control: seedTransferCalls,
  contacts: seedOwnerContacts,
  knowledge_base: seedKnowledgeBase,
  missed_call_capture: seedMissedCalls,
  order_placing: seedOrders,
};

/**
 * The demo (contract §6, §7, §9, §10): the two tenants with their settings (transfer numbers,
 * hours), their notification contacts, each loaded feature's data in registry order, the access
 * codes as keyed hashes, then one owner account per tenant. Every step is idempotent, so a
 * restart or a second instance starting at the same moment seeds nothing twice.
 */
export async function seedDemo(
  ports: DemoPorts & { accounts: Pick<Accounts, 'users' | 'service'> },
  registry: FeatureRegistry,
  hasher: KeyedHasher,
): Promise<void> {
  await seedDemoTenants(ports.events);
  await seedDemoSettings(ports.events);
  // Contract §9: the demo owners' contacts, so a demo order tells somebody.
  await seedDemoNotificationSettings(ports.events, ports.clock());
  await seedFeatureDemos(ports, registry);
  await seedDemoAccessCodes(ports.events, hasher);
  await seedDemoOwners(ports.accounts);
}

/** The demo data of each loaded feature, in registry order (the tenants must exist). */
export async function seedFeatureDemos(ports: DemoPorts, registry: FeatureRegistry): Promise<void> {
  for (const f of registry.features) await FEATURE_SEEDS[f.manifest.name]?.(ports);
}
