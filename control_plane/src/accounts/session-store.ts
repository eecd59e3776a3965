import type { Kysely } from 'kysely';
import type { Role } from '@vozlia/contract';
import type { AccountsConfig } from './config.js';
import { hashSecret, newSessionToken, secretMatches, type SessionToken } from './session-token.js';
import type { AccountsDatabase } from './tables.js';

/** A live session with its user as the database has them now (a role change applies at once). */
export interface ActiveSession {
  id: string;
  userId: string;
  tenantId: string;
  email: string;
  role: Role;
  createdAt: Date;
}

type Lifetimes = Pick<AccountsConfig, 'sessionIdleMs' | 'sessionAbsoluteMs' | 'sessionTouchEveryMs'>;

/**
 * Server-side sessions: a new row per sign-in (rotation), validated by id + constant-time
 * secret check, ended by inactivity or by age, whichever comes first; deleting the row ends it
 * on every instance at once.
 */
export class SessionStore {
  readonly #db: Kysely<AccountsDatabase>;
  readonly #t: Lifetimes;
  constructor(db: Kysely<AccountsDatabase>, lifetimes: Lifetimes) {
    this.#db = db;
    this.#t = lifetimes;
  }

  async create(user: { id: string; tenant_id: string }, now: Date): Promise<SessionToken> {
    const token = newSessionToken();
    await this.#db
      .insertInto('sessions')
      .values({ id: token.id, secret_hash: hashSecret(token.secret), user_id: user.id, tenant_id: user.tenant_id, created_at: now, last_seen_at: now })
      .execute();
    return token;
  }

  /** The session for a token, or null (unknown, wrong secret, expired: an expired row is deleted). */
  async validate(token: SessionToken, now: Date): Promise<ActiveSession | null> {
    const row = await this.#db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['sessions.id', 'sessions.secret_hash', 'sessions.created_at', 'sessions.last_seen_at', 'users.id as user_id', 'users.tenant_id', 'users.email', 'users.role'])
      .where('sessions.id', '=', token.id)
      .executeTakeFirst();
    if (!row || !secretMatches(token.secret, row.secret_hash)) return null;
    const t = now.getTime();
    const created = new Date(row.created_at).getTime();
    const seen = new Date(row.last_seen_at).getTime();
    if (t - created >= this.#t.sessionAbsoluteMs || t - seen >= this.#t.sessionIdleMs) {
      await this.delete(row.id);
      return null;
    }
    if (t - seen >= this.#t.sessionTouchEveryMs) {
      await this.#db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', row.id).execute();
    }
    return { id: row.id, userId: row.user_id, tenantId: row.tenant_id, email: row.email, role: row.role, createdAt: new Date(row.created_at) };
  }

  /** Seconds the cookie should live: what is left of the absolute lifetime. */
  cookieMaxAgeSeconds(session: { createdAt: Date }, now: Date): number {
    return Math.max(0, Math.floor((session.createdAt.getTime() + this.#t.sessionAbsoluteMs - now.getTime()) / 1000));
  }

  async delete(id: string): Promise<void> {
    await this.#db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  /** Ends every session of a user, except optionally the one making the request. */
  async deleteForUser(userId: string, exceptId?: string): Promise<number> {
    let q = this.#db.deleteFrom('sessions').where('user_id', '=', userId);
    if (exceptId) q = q.where('id', '!=', exceptId);
    const r = await q.executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** Rows past either deadline; the backend runs this from a periodic job. */
  async purgeExpired(now: Date): Promise<number> {
    const r = await this.#db
      .deleteFrom('sessions')
      .where((eb) =>
        eb.or([
          eb('created_at', '<=', new Date(now.getTime() - this.#t.sessionAbsoluteMs)),
          eb('last_seen_at', '<=', new Date(now.getTime() - this.#t.sessionIdleMs)),
        ]),
      )
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
