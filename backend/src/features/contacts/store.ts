import type { Kysely } from 'kysely';
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

  owners(tenantId: string) {
    return this.#db.selectFrom('owner_contacts').selectAll().where('tenant_id', '=', tenantId).orderBy('contact_id').execute();
  }
}
