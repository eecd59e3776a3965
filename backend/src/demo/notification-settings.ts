import { NotificationSettingsInput } from '@vozlia/contract';
import type { EventStore } from '../storage/event-store.js';
import { ConcurrencyError } from '../storage/events.js';
import { NOTIFICATION_SETTINGS_UPDATED, settingsStream, type NotificationSettingsUpdated } from '../notifications/events.js';

/** Contract §9: the demo owners' contacts. Everything else is the defaults. */
const DEMO_CONTACTS: Record<string, { sms: string[]; email: string[] }> = {
  demo_restaurant: { sms: ['+15550109001'], email: ['owner@demo-restaurant.test'] },
  demo_barbershop: { sms: ['+15550109002'], email: ['owner@demo-barbershop.test'] },
};

/** Seeds the demo tenants' notification settings once (fixed idempotency keys); a tenant's own section wins. */
export async function seedDemoNotificationSettings(events: EventStore, at: Date): Promise<void> {
  for (const [tenantId, contacts] of Object.entries(DEMO_CONTACTS)) {
    const payload: NotificationSettingsUpdated = { tenantId, settings: { ...NotificationSettingsInput.parse({ contacts }), webhook: null } };
    try {
      await events.append({
        tenantId,
        stream: settingsStream(tenantId),
        expectedVersion: 'no_stream',
        events: [{ type: NOTIFICATION_SETTINGS_UPDATED, payload, idempotencyKey: `seed:notification-settings:${tenantId}:v1`, occurredAt: at, metadata: { source: 'seed', actor_mode: 'system' } }],
      });
    } catch (err) {
      // The tenant already set its own section: the seed never overwrites it.
      if (!(err instanceof ConcurrencyError)) throw err;
    }
  }
}
