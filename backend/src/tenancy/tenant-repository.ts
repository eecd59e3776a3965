import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';
import type { TenantRow } from './tables.js';
import type { Tenant } from './tenant.js';

/** Reads the tenants projection. */
export class TenantRepository {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async get(id: string): Promise<Tenant | undefined> {
    const row = await this.#db.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toTenant(row);
  }

  async byPhoneNumber(e164: string): Promise<Tenant | undefined> {
    const row = await this.#db
      .selectFrom('tenant_phone_numbers as n')
      .innerJoin('tenants as t', 't.id', 'n.tenant_id')
      .selectAll('t')
      .where('n.phone_number', '=', e164)
      .executeTakeFirst();
    return row && toTenant(row);
  }

  async list(): Promise<Tenant[]> {
    const rows = await this.#db.selectFrom('tenants').selectAll().orderBy('id').execute();
    return rows.map(toTenant);
  }
}

export function toTenant(row: TenantRow): Tenant {
  return {
    id: row.id,
    displayName: row.display_name,
    vertical: row.vertical as Tenant['vertical'],
    timeZone: row.time_zone,
    phoneNumbers: row.phone_numbers,
    settings: row.settings,
    // Older databases (without the status migration) have no column: active.
    ...(row.status === 'suspended' ? { status: 'suspended' as const } : {}),
  };
}
