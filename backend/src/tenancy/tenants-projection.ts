import type { Projection, StoredEvent, Trx } from '../storage/events.js';
import {
  TENANT_CREATED,
  TENANT_DELETED,
  TENANT_RESUMED,
  TENANT_SETTINGS_CHANGED,
  TENANT_SUSPENDED,
  TENANT_UPDATED,
  type TenantCreated,
  type TenantSettingsChanged,
  type TenantUpdated,
} from './tenant-events.js';

/**
 * `tenants` + `tenant_phone_numbers` from tenant events. The owner's settings land in
 * `tenants.settings` (display name and zone in their columns), so the call path reads them with
 * the tenant row it loads anyway. A deleted tenant's rows go; its events stay.
 */
export const tenantsProjection: Projection = {
  name: 'tenants',
  handles: [TENANT_CREATED, TENANT_UPDATED, TENANT_SUSPENDED, TENANT_RESUMED, TENANT_DELETED, TENANT_SETTINGS_CHANGED],
  tables: ['tenant_phone_numbers', 'tenants'],
  async apply(trx: Trx, event: StoredEvent) {
    const tenantId = (event.payload as { tenantId?: unknown }).tenantId;
    if (typeof tenantId !== 'string') return;
    switch (event.type) {
      case TENANT_CREATED:
        return created(trx, event.payload as unknown as TenantCreated, event.occurredAt);
      case TENANT_UPDATED:
        return updated(trx, event.payload as unknown as TenantUpdated, event.occurredAt);
      case TENANT_SUSPENDED:
      case TENANT_RESUMED:
        await trx
          .updateTable('tenants')
          .set({ status: event.type === TENANT_SUSPENDED ? 'suspended' : 'active', updated_at: event.occurredAt })
          .where('id', '=', tenantId)
          .execute();
        return;
      case TENANT_DELETED:
        await trx.deleteFrom('tenant_phone_numbers').where('tenant_id', '=', tenantId).execute();
        await trx.deleteFrom('tenants').where('id', '=', tenantId).execute();
        return;
      case TENANT_SETTINGS_CHANGED: {
        const { settings } = event.payload as unknown as TenantSettingsChanged;
        if (!settings || typeof settings !== 'object') return;
        await trx
          .updateTable('tenants')
          .set({
            ...(typeof settings.display_name === 'string' ? { display_name: settings.display_name } : {}),
            ...(typeof settings.time_zone === 'string' ? { time_zone: settings.time_zone } : {}),
            settings: JSON.stringify(settings),
            updated_at: event.occurredAt,
          })
          .where('id', '=', tenantId)
          .execute();
        return;
      }
    }
  },
};

async function created(trx: Trx, p: TenantCreated, at: Date) {
  await trx
    .insertInto('tenants')
    .values({
      id: p.tenantId,
      display_name: p.displayName,
      vertical: p.vertical,
      time_zone: p.timeZone,
      phone_numbers: p.phoneNumbers,
      settings: JSON.stringify(p.settings ?? {}),
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await setNumbers(trx, p.tenantId, p.phoneNumbers);
}

async function updated(trx: Trx, p: TenantUpdated, at: Date) {
  await trx
    .updateTable('tenants')
    .set({
      ...(p.displayName !== undefined ? { display_name: p.displayName } : {}),
      ...(p.vertical !== undefined ? { vertical: p.vertical } : {}),
      ...(p.timeZone !== undefined ? { time_zone: p.timeZone } : {}),
      ...(p.phoneNumbers !== undefined ? { phone_numbers: p.phoneNumbers } : {}),
      ...(p.settings !== undefined ? { settings: JSON.stringify(p.settings) } : {}),
      updated_at: at,
    })
    .where('id', '=', p.tenantId)
    .execute();
  if (p.phoneNumbers) await setNumbers(trx, p.tenantId, p.phoneNumbers);
}

async function setNumbers(trx: Trx, tenantId: string, numbers: readonly string[]) {
  await trx.deleteFrom('tenant_phone_numbers').where('tenant_id', '=', tenantId).execute();
  if (numbers.length === 0) return;
  await trx
    .insertInto('tenant_phone_numbers')
    .values(numbers.map((n) => ({ phone_number: n, tenant_id: tenantId })))
    // A number belongs to its first owner; a clash is skipped rather than failing the fact.
    .onConflict((oc) => oc.column('phone_number').doNothing())
    .execute();
}
