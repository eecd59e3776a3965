import type { Kysely } from 'kysely';
import type { PageKey } from '../../storage/pages.js';
import type { Database } from '../../storage/schema.js';
import './tables.js';

const CUSTOMERS_PAGE = 200;

/** Reads of this feature's tables (its projections write them). */
export class ContactStore {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Customers, most recently seen first. */
  customers(tenantId: string) {
    return this.#db.selectFrom('contacts').selectAll().where('tenant_id', '=', tenantId).orderBy('last_seen_at', 'desc').limit(CUSTOMERS_PAGE).execute();
  }

  /** A page of customers, most recently seen first by `(last_seen_at, phone)`, past `after`. */
  customerPage(tenantId: string, f: { after?: PageKey; limit: number }) {
    let q = this.#db.selectFrom('contacts').selectAll().where('tenant_id', '=', tenantId);
    const after = f.after;
    if (after) q = q.where((eb) => eb.or([eb('last_seen_at', '<', after.at), eb.and([eb('last_seen_at', '=', after.at), eb('phone', '<', after.id)])]));
    return q.orderBy('last_seen_at', 'desc').orderBy('phone', 'desc').limit(f.limit).execute();
  }

  /** The name a customer gave (an order, an appointment) for this E.164 number, if any. */
  async nameOf(tenantId: string, phone: string): Promise<string | null> {
    const row = await this.#db.selectFrom('contacts').select('name').where('tenant_id', '=', tenantId).where('phone', '=', phone).executeTakeFirst();
    return row?.name ?? null;
  }

  owners(tenantId: string) {
    return this.#db.selectFrom('owner_contacts').selectAll().where('tenant_id', '=', tenantId).orderBy('contact_id').execute();
  }
}
