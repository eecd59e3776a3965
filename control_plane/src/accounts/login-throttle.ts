import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { AttemptPolicy, ThrottlePolicies } from './config.js';
import type { AccountsDatabase, LoginAttemptsTable } from './tables.js';

type AttemptRow = Selectable<LoginAttemptsTable>;
type AttemptState = Omit<AttemptRow, 'key'>;

/**
 * The state after one more failure. A window that has run out, or a block that has ended,
 * starts over; reaching `maxFailures` blocks for `blockMs`. Pure, so every edge is tested alone.
 */
export function afterFailure(prev: AttemptState | undefined, now: Date, p: AttemptPolicy): AttemptState {
  const t = now.getTime();
  const stale =
    !prev ||
    t - new Date(prev.window_start).getTime() >= p.windowMs ||
    (prev.blocked_until !== null && new Date(prev.blocked_until).getTime() <= t);
  const failures = stale ? 1 : prev.failures + 1;
  return {
    failures,
    window_start: stale ? now : prev.window_start,
    blocked_until: failures >= p.maxFailures ? new Date(t + p.blockMs) : null,
  };
}

/** Throttle keys: hashed, so the table holds neither addresses nor emails. */
export function throttleKeys(email: string, ip: string): { email: string; ip: string } {
  const h = (s: string) => createHash('sha256').update(s).digest('hex');
  return { email: `email:${h(email)}`, ip: `ip:${h(ip)}` };
}

/**
 * Failed sign-ins per email and per client address, in the database so a block holds on every
 * instance. Checked before any password hashing; a refused try is not counted; success resets.
 */
export class LoginThrottle {
  readonly #db: Kysely<AccountsDatabase>;
  readonly #p: ThrottlePolicies;
  constructor(db: Kysely<AccountsDatabase>, policies: ThrottlePolicies) {
    this.#db = db;
    this.#p = policies;
  }

  /** When the later of the two blocks ends, or null when neither key is blocked. */
  async blockedUntil(keys: { email: string; ip: string }, now: Date): Promise<Date | null> {
    const rows = await this.#db
      .selectFrom('login_attempts')
      .select('blocked_until')
      .where('key', 'in', [keys.email, keys.ip])
      .where('blocked_until', '>', now)
      .execute();
    const ends = rows.map((r) => new Date(r.blocked_until!).getTime());
    return ends.length ? new Date(Math.max(...ends)) : null;
  }

  async recordFailure(keys: { email: string; ip: string }, now: Date): Promise<void> {
    await this.#bump(keys.email, now, this.#p.email);
    await this.#bump(keys.ip, now, this.#p.ip);
  }

  async recordSuccess(keys: { email: string; ip: string }): Promise<void> {
    await this.#db.deleteFrom('login_attempts').where('key', 'in', [keys.email, keys.ip]).execute();
  }

  /** Rows whose window and block have both ended carry no information any more. */
  async purge(now: Date): Promise<number> {
    const oldest = new Date(now.getTime() - Math.max(this.#p.email.windowMs, this.#p.ip.windowMs));
    const r = await this.#db
      .deleteFrom('login_attempts')
      .where('window_start', '<', oldest)
      .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<=', now)]))
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  // Row-locked read-modify-write: two instances failing at once both count.
  async #bump(key: string, now: Date, policy: AttemptPolicy): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto('login_attempts')
        .values({ key, failures: 0, window_start: now, blocked_until: null })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      const prev = await trx.selectFrom('login_attempts').selectAll().where('key', '=', key).forUpdate().executeTakeFirstOrThrow();
      const next = afterFailure(prev.failures === 0 ? undefined : prev, now, policy);
      await trx.updateTable('login_attempts').set(next).where('key', '=', key).execute();
    });
  }
}
