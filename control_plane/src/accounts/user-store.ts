import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Role } from '@vozlia/contract';
import type { AccountsDatabase, UsersTable } from './tables.js';

export type UserRow = Selectable<UsersTable>;

/** A create that names an email another account already has (unique across tenants). */
export class EmailTakenError extends Error {
  override name = 'EmailTakenError';
}

const UNIQUE_VIOLATION = '23505';

/** Owners and staff; passwords arrive already hashed. */
export class UserStore {
  readonly #db: Kysely<AccountsDatabase>;
  constructor(db: Kysely<AccountsDatabase>) {
    this.#db = db;
  }

  async create(input: { tenantId: string; email: string; role: Role; passwordHash: string }, now: Date): Promise<UserRow> {
    const row = { id: randomUUID(), tenant_id: input.tenantId, email: input.email, role: input.role, password_hash: input.passwordHash, created_at: now, updated_at: now };
    try {
      await this.#db.insertInto('users').values(row).execute();
    } catch (err) {
      if ((err as { code?: string }).code === UNIQUE_VIOLATION) throw new EmailTakenError('an account with this email already exists');
      throw err;
    }
    return row;
  }

  async byEmail(email: string): Promise<UserRow | undefined> {
    return this.#db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  }

  async byId(tenantId: string, id: string): Promise<UserRow | undefined> {
    return this.#db.selectFrom('users').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  }

  async listByTenant(tenantId: string): Promise<UserRow[]> {
    return this.#db.selectFrom('users').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at', 'desc').orderBy('id').execute();
  }

  async setPasswordHash(userId: string, passwordHash: string, now: Date): Promise<void> {
    await this.#db.updateTable('users').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', userId).execute();
  }

  /** Deletes the user; their sessions go with them (foreign key, on delete cascade). */
  async remove(tenantId: string, id: string): Promise<boolean> {
    const r = await this.#db.deleteFrom('users').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
