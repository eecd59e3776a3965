import { sql, type Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { Booking } from './availability.js';
import { CatalogSchema, type Catalog } from './catalog.js';
import './tables.js';

export async function loadCatalog(db: Kysely<Database>, tenantId: string): Promise<Catalog | undefined> {
  const row = await db.selectFrom('appointment_catalogs').select('catalog').where('tenant_id', '=', tenantId).executeTakeFirst();
  if (!row) return undefined;
  const parsed = CatalogSchema.safeParse(row.catalog);
  return parsed.success ? parsed.data : undefined;
}

/** Appointments that hold a chair between `from` and `to` (open or done, not cancelled). */
export async function bookingsBetween(db: Kysely<Database>, tenantId: string, from: Date, to: Date): Promise<Booking[]> {
  const rows = await db
    .selectFrom('appointments')
    .select(['staff_id', 'starts_at', 'ends_at'])
    .where('tenant_id', '=', tenantId)
    .where('status', 'in', ['requested', 'confirmed', 'completed'])
    .where('starts_at', '<', to)
    .where('ends_at', '>', from)
    .execute();
  return rows.map((r) => ({ staffId: r.staff_id, start: new Date(r.starts_at).getTime(), end: new Date(r.ends_at).getTime() }));
}

/** Serialises bookings of one tenant until the transaction ends, so two callers cannot take one chair. */
export async function lockTenantBookings(db: Kysely<Database>, tenantId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`appointments:${tenantId}`}))`.execute(db);
}
