import type { Role } from '@vozlia/contract';
import type { Logger } from 'pino';
import { throttleKeys, type LoginThrottle } from './login-throttle.js';
import type { PasswordHasher } from './passwords.js';
import type { Clock } from './ports.js';
import type { ActiveSession, SessionStore } from './session-store.js';
import type { SessionToken } from './session-token.js';
import type { UserRow, UserStore } from './user-store.js';

export type LoginOutcome =
  | { kind: 'ok'; user: UserRow; token: SessionToken; createdAt: Date }
  | { kind: 'throttled'; retryAfterSeconds: number }
  | { kind: 'invalid' };

export type PasswordChangeOutcome = { kind: 'ok' } | { kind: 'throttled'; retryAfterSeconds: number } | { kind: 'invalid' };

export interface AccountServiceDeps {
  users: UserStore;
  sessions: SessionStore;
  throttle: LoginThrottle;
  hasher: PasswordHasher;
  clock: Clock;
  log: Logger;
}

const retryAfter = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));

/**
 * The account use cases, free of HTTP: sign-in, password changes, adding and removing users.
 * Logs name users by id, never by email, and never hold passwords or tokens.
 */
export class AccountService {
  readonly #d: AccountServiceDeps;
  constructor(deps: AccountServiceDeps) {
    this.#d = deps;
  }

  /**
   * Throttle first (no hashing for a blocked key), then exactly one argon2 verification whether
   * or not the email exists, so both failures look and take the same.
   */
  async login(email: string, password: string, clientIp: string): Promise<LoginOutcome> {
    const { users, sessions, throttle, hasher, clock, log } = this.#d;
    const keys = throttleKeys(email, clientIp);
    const blocked = await throttle.blockedUntil(keys, clock.now());
    if (blocked) {
      log.warn({ event: 'login_throttled' }, 'sign-in refused: too many failures');
      return { kind: 'throttled', retryAfterSeconds: retryAfter(blocked, clock.now()) };
    }
    const user = await users.byEmail(email);
    const ok = await hasher.verifyOrDummy(user?.password_hash, password);
    if (!ok || !user) {
      await throttle.recordFailure(keys, clock.now());
      log.info({ event: 'login_failed' }, 'sign-in failed');
      return { kind: 'invalid' };
    }
    await throttle.recordSuccess(keys);
    if (hasher.needsRehash(user.password_hash)) {
      await users.setPasswordHash(user.id, await hasher.hash(password), clock.now());
      log.info({ event: 'password_rehashed', user_id: user.id }, 'password hash upgraded');
    }
    const createdAt = clock.now();
    const token = await sessions.create(user, createdAt);
    log.info({ event: 'login', user_id: user.id, tenant_id: user.tenant_id }, 'signed in');
    return { kind: 'ok', user, token, createdAt };
  }

  /** Changes one's own password; every other session of the user ends, this one stays. */
  async changePassword(session: ActiveSession, current: string, next: string, clientIp: string): Promise<PasswordChangeOutcome> {
    const { users, sessions, throttle, hasher, clock, log } = this.#d;
    // The same throttle as sign-in: a stolen session must not become a password oracle.
    const keys = throttleKeys(session.email, clientIp);
    const blocked = await throttle.blockedUntil(keys, clock.now());
    if (blocked) return { kind: 'throttled', retryAfterSeconds: retryAfter(blocked, clock.now()) };
    const user = await users.byId(session.tenantId, session.userId);
    if (!user || !(await hasher.verifyOrDummy(user.password_hash, current))) {
      await throttle.recordFailure(keys, clock.now());
      return { kind: 'invalid' };
    }
    await throttle.recordSuccess(keys);
    await users.setPasswordHash(user.id, await hasher.hash(next), clock.now());
    const ended = await sessions.deleteForUser(user.id, session.id);
    log.info({ event: 'password_changed', user_id: user.id, sessions_ended: ended }, 'password changed');
    return { kind: 'ok' };
  }

  /** Throws `EmailTakenError` when the email belongs to any account. */
  async addUser(input: { tenantId: string; email: string; role: Role; password: string }): Promise<UserRow> {
    const { users, hasher, clock, log } = this.#d;
    const user = await users.create({ ...input, passwordHash: await hasher.hash(input.password) }, clock.now());
    log.info({ event: 'user_added', user_id: user.id, tenant_id: user.tenant_id, role: user.role }, 'user added');
    return user;
  }

  /** The admin sets a user's password; all of that user's sessions end. False when no such user. */
  async resetPassword(tenantId: string, userId: string, password: string): Promise<boolean> {
    const { users, sessions, hasher, clock, log } = this.#d;
    const user = await users.byId(tenantId, userId);
    if (!user) return false;
    await users.setPasswordHash(user.id, await hasher.hash(password), clock.now());
    const ended = await sessions.deleteForUser(user.id);
    log.info({ event: 'password_reset', user_id: user.id, sessions_ended: ended }, 'password reset by admin');
    return true;
  }

  /** Removes a user and, with them, their sessions. False when no such user. */
  async removeUser(tenantId: string, userId: string): Promise<boolean> {
    const removed = await this.#d.users.remove(tenantId, userId);
    if (removed) this.#d.log.info({ event: 'user_removed', user_id: userId, tenant_id: tenantId }, 'user removed');
    return removed;
  }
}
