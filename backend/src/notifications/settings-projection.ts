import type { Projection, StoredEvent, Trx } from '../storage/events.js';
import { NOTIFICATION_SETTINGS_UPDATED, type NotificationSettingsUpdated } from './events.js';
import './tables.js';

/** A replaced webhook secret still signs (a second `v1`) for this long, so receivers can switch. */
export const SECRET_ROTATION_MS = 24 * 3_600_000;

/** `notification_settings`: the latest section per tenant, secrets in their own columns. */
export const settingsProjection: Projection = {
  name: 'notification_settings',
  handles: [NOTIFICATION_SETTINGS_UPDATED],
  tables: ['notification_settings'],
  async apply(trx: Trx, event: StoredEvent) {
    const p = event.payload as unknown as NotificationSettingsUpdated;
    if (!p.settings) return;
    const { webhook, ...rest } = p.settings;
    const prior = await trx
      .selectFrom('notification_settings')
      .select(['webhook_secret', 'previous_webhook_secret', 'previous_secret_until'])
      .where('tenant_id', '=', event.tenantId)
      .executeTakeFirst();
    const secret = webhook?.secret ?? null;
    const rotated = !!prior?.webhook_secret && !!secret && prior.webhook_secret !== secret;
    const row = {
      settings: JSON.stringify({ ...rest, webhook: webhook ? { url: webhook.url } : null }),
      webhook_secret: secret,
      previous_webhook_secret: rotated ? prior!.webhook_secret : (prior?.previous_webhook_secret ?? null),
      previous_secret_until: rotated ? new Date(event.occurredAt.getTime() + SECRET_ROTATION_MS) : (prior?.previous_secret_until ?? null),
      updated_at: event.occurredAt,
    };
    await trx
      .insertInto('notification_settings')
      .values({ tenant_id: event.tenantId, ...row })
      .onConflict((oc) => oc.column('tenant_id').doUpdateSet(row))
      .execute();
  },
};
