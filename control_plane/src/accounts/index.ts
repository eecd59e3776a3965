export { createAccounts, type Accounts, type AccountsOptions } from './accounts.js';
export { ACCOUNTS_DEFAULTS, ARGON2_DEFAULTS, type AccountsConfig, type AttemptPolicy } from './config.js';
export { accountsMigrations } from './migrations/index.js';
export type { AccountsPorts, Clock as AccountsClock } from './ports.js';
export { DEFAULT_ROUTE_ROLES, OWNER_ONLY, type Principal } from './principal.js';
export type { AccountsDatabase } from './tables.js';
