import { sql, type Kysely, type Selectable } from 'kysely';
import type { AppendRequest } from '../../storage/events.js';
import type { PageKey } from '../../storage/pages.js';
import type { Database } from '../../storage/schema.js';
import type { StoreDeps } from '../types.js';
import type { Booking } from './availability.js';
import { CatalogSchema, type Catalog } from './catalog.js';
import type { AppointmentsTable } from './tables.js';

export type AppointmentRow = Selectable<AppointmentsTable>;

const APPOINTMENTS_PAGE = 100;

/** What a booking decision returns: the answer, and the events to append with it (none = refused). */
export interface BookingDecision<T> {
  result: T;
  append?: AppendRequest;
}

/** Reads of this feature's tables, and the one booking write that must see them atomically. */
export class AppointmentStore {
  readonly #db: Kysely<Database>;
  readonly #events: StoreDeps['events'];

  constructor(deps: StoreDeps) {
    this.#db = deps.db;
    this.#events = deps.events;
  }

  /** The tenant's published catalog; undefined when none (or a stored one no longer parses). */
  async catalog(tenantId: string): Promise<Catalog | undefined> {
    const row = await this.#db.selectFrom('appointment_catalogs').select('catalog').where('tenant_id', '=', tenantId).executeTakeFirst();
    if (!row) return undefined;
    const parsed = CatalogSchema.safeParse(row.catalog);
    return parsed.success ? parsed.data : undefined;
  }

  /** Latest start first. */
  appointments(tenantId: string) {
    return this.#db.selectFrom('appointments').selectAll().where('tenant_id', '=', tenantId).orderBy('starts_at', 'desc').limit(APPOINTMENTS_PAGE).execute();
  }

  /** Newest `starts_at` first (then id): status, `[start, end)` on `starts_at`, rows past `after`. */
  list(tenantId: string, f: { status?: string; start?: Date; end?: Date; after?: PageKey; limit: number }) {
    let q = this.#db.selectFrom('appointments').selectAll().where('tenant_id', '=', tenantId);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.start) q = q.where('starts_at', '>=', f.start);
    if (f.end) q = q.where('starts_at', '<', f.end);
    const after = f.after;
    if (after) q = q.where((eb) => eb.or([eb('starts_at', '<', after.at), eb.and([eb('starts_at', '=', after.at), eb('id', '<', after.id)])]));
    return q.orderBy('starts_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
  }

  appointment(tenantId: string, appointmentId: string) {
    return this.#db.selectFrom('appointments').selectAll().where('id', '=', appointmentId).where('tenant_id', '=', tenantId).executeTakeFirst();
  }

  /**
   * One booking decision, serialised per tenant so two callers cannot take one chair: under the
   * tenant's lock, reads the chairs held between `from` and `to`, lets `decide` choose, and appends
   * what it returns in the same transaction.
   */
  book<T>(tenantId: string, window: { from: Date; to: Date }, decide: (bookings: Booking[]) => BookingDecision<T>): Promise<T> {
    return this.#db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext(${`appointments:${tenantId}`}))`.execute(trx);
      const { result, append } = decide(await bookingsBetween(trx, tenantId, window.from, window.to));
      if (append) await this.#events.appendIn(trx, append);
      return result;
    });
  }
}

/** Appointments that hold a chair between `from` and `to` (open or done, not cancelled). */
async function bookingsBetween(db: Kysely<Database>, tenantId: string, from: Date, to: Date): Promise<Booking[]> {
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
