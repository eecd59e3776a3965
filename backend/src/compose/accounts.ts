import { createAccounts, type Accounts, type AccountsDatabase } from '@vozlia/control-plane';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config/load-config.js';
import type { Clock } from '../features/types.js';
import { adminAccess, adminFacts, hasAdminBearer } from '../server/admin-auth.js';
import type { Database } from '../storage/schema.js';
import type { TenantRepository } from '../tenancy/tenant-repository.js';

export interface AccountsWiring {
  /** The runtime's database; it holds the accounts tables (compose/migrations.ts). */
  db: Kysely<Database>;
  config: Config;
  log: Logger;
  clock: Clock;
  tenants: Pick<TenantRepository, 'get'>;
}

/**
 * The control plane's accounts over the runtime's database (contract §7): `/api/admin/*` answers
 * the `VOZ_ADMIN_TOKEN` bearer (loopback clients when none is set); the tenant gate and the CSRF
 * exemption only the bearer itself.
 */
export function composeAccounts(w: AccountsWiring): Accounts {
  const token = w.config.adminToken;
  return createAccounts({
    db: w.db as unknown as Kysely<AccountsDatabase>,
    clock: { now: w.clock },
    log: w.log,
    isAdmin: (req) => adminAccess(token, adminFacts(req)) === 'allowed',
    hasAdminBearer: (req) => hasAdminBearer(token, req),
    tenantExists: async (id) => (await w.tenants.get(id)) !== undefined,
    config: { publicBaseUrl: w.config.publicBaseUrl },
  });
}
