import type { Projection, StoredEvent, Trx } from '../storage/events.js';
import { TENANT_CREATED, TENANT_UPDATED, type TenantCreated, type TenantUpdated } from './tenant-events.js';

/** `tenants` + `tenant_phone_numbers` from tenant events. */
export const tenantsProjection: Projection = {
  name: 'tenants',
  handles: [TENANT_CREATED, TENANT_UPDATED],
  tables: ['tenant_phone_numbers', 'tenants'],
  async apply(trx: Trx, event: StoredEvent) {
    if (event.type === TENANT_CREATED) {
      const p = event.payload as unknown as TenantCreated;
      await trx
        .insertInto('tenants')
        .values({
          id: p.tenantId,
          display_name: p.displayName,
          vertical: p.vertical,
          time_zone: p.timeZone,
          phone_numbers: p.phoneNumbers,
          settings: JSON.stringify(p.settings ?? {}),
          created_at: event.occurredAt,
          updated_at: event.occurredAt,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      await setNumbers(trx, p.tenantId, p.phoneNumbers);
      return;
    }
    const p = event.payload as unknown as TenantUpdated;
    await trx
      .updateTable('tenants')
      .set({
        ...(p.displayName !== undefined ? { display_name: p.displayName } : {}),
        ...(p.vertical !== undefined ? { vertical: p.vertical } : {}),
        ...(p.timeZone !== undefined ? { time_zone: p.timeZone } : {}),
        ...(p.phoneNumbers !== undefined ? { phone_numbers: p.phoneNumbers } : {}),
        ...(p.settings !== undefined ? { settings: JSON.stringify(p.settings) } : {}),
        updated_at: event.occurredAt,
      })
      .where('id', '=', p.tenantId)
      .execute();
    if (p.phoneNumbers) await setNumbers(trx, p.tenantId, p.phoneNumbers);
  },
};

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
