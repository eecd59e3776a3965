import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import './tables.js';

const PAGE = 100;

/** Reads of this feature's tables (its projections write them). */
export class MissedCallStore {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Newest first. */
  missedCalls(tenantId: string) {
    return this.#db.selectFrom('missed_calls').selectAll().where('tenant_id', '=', tenantId).orderBy('missed_at', 'desc').limit(PAGE).execute();
  }

  /** Newest first. */
  notifications(tenantId: string) {
    return this.#db.selectFrom('notifications').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at', 'desc').limit(PAGE).execute();
  }
}
