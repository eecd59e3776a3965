import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** Tables of migration 2026_12_01_101_accounts. Row types derive from these, never re-declared. */
export interface UsersTable {
  id: string;
  tenant_id: string;
  /** Trimmed and lower-cased; unique across tenants, so a sign-in names one account. */
  email: string;
  role: 'owner' | 'staff';
  /** Argon2id PHC string (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`). */
  password_hash: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  /** The public half of the token `<id>.<secret>`. */
  id: string;
  /** SHA-256 of the secret half; the secret itself is never stored. */
  secret_hash: ColumnType<Uint8Array, Uint8Array, never>;
  user_id: string;
  tenant_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface LoginAttemptsTable {
  /** `ip:<sha256>` or `email:<sha256>`: neither an address nor an email is stored in clear. */
  key: string;
  failures: number;
  window_start: Timestamp;
  blocked_until: Timestamp | null;
}

export interface AccountsDatabase {
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
}
