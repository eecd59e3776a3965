import { sql, type Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';
import './tables.js';

const MS_PER_MINUTE = 60_000;

export interface LockoutPolicy {
  maxFailures: number;
  windowMinutes: number;
  lockoutMinutes: number;
}

/**
 * Per-caller lockout at the access gate, in the database (survives restarts, shared by every
 * instance). Callers are keyed by a keyed hash of `From`, never the number. Failures before
 * the end of a previous lockout do not count again, so an expired lockout starts clean.
 */
export class GateLockouts {
  readonly #db: Kysely<Database>;
  readonly #p: LockoutPolicy;
  constructor(db: Kysely<Database>, policy: LockoutPolicy) {
    this.#db = db;
    this.#p = policy;
  }

  async lockedUntil(callerHash: string, now: Date): Promise<Date | null> {
    const row = await this.#db
      .selectFrom('gate_lockouts')
      .select('locked_until')
      .where('caller_hash', '=', callerHash)
      .where('locked_until', '>', now)
      .executeTakeFirst();
    return row ? new Date(row.locked_until) : null;
  }

  /** Records one failure; returns the lockout end when this failure locks the caller out. */
  async recordFailure(callerHash: string, now: Date): Promise<Date | null> {
    const windowStart = new Date(now.getTime() - this.#p.windowMinutes * MS_PER_MINUTE);
    return this.#db.transaction().execute(async (trx) => {
      await trx.deleteFrom('gate_failures').where('caller_hash', '=', callerHash).where('failed_at', '<=', windowStart).execute();
      await trx.insertInto('gate_failures').values({ caller_hash: callerHash, failed_at: now }).execute();
      const prior = await trx.selectFrom('gate_lockouts').select('locked_until').where('caller_hash', '=', callerHash).executeTakeFirst();
      const countFrom = prior && new Date(prior.locked_until) > windowStart ? new Date(prior.locked_until) : windowStart;
      const { n } = await trx
        .selectFrom('gate_failures')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('caller_hash', '=', callerHash)
        .where('failed_at', '>', countFrom)
        .executeTakeFirstOrThrow();
      if (n < this.#p.maxFailures) return null;
      const until = new Date(now.getTime() + this.#p.lockoutMinutes * MS_PER_MINUTE);
      await trx
        .insertInto('gate_lockouts')
        .values({ caller_hash: callerHash, locked_at: now, locked_until: until })
        .onConflict((oc) => oc.column('caller_hash').doUpdateSet({ locked_at: now, locked_until: until }))
        .execute();
      return until;
    });
  }
}
