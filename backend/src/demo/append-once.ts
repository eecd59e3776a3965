import type { DemoPorts } from './demo-ports.js';
import { ConcurrencyError, type AppendRequest } from '../storage/events.js';
import type { Tenant } from '../tenancy/tenant.js';

const UNIQUE_VIOLATION = '23505';

/**
 * Appends generated history in one transaction, once: when an event with `markerKey` (the key of
 * one of the batches' events) exists, nothing is written. All-or-nothing, so a crash mid-seed
 * leaves no half history. A concurrent seeder that loses the race backs off: on the idempotency key
 * (both writing at once), or on a stream's version when the winner had committed first. Given as a
 * function, the history is generated only when it is to be written: a restart generates none.
 */
export async function appendHistoryOnce(
  ports: Pick<DemoPorts, 'db' | 'events'>,
  tenantId: string,
  markerKey: string,
  history: readonly AppendRequest[] | (() => readonly AppendRequest[]),
): Promise<{ written: boolean; events: number }> {
  const written = async () =>
    (await ports.db.selectFrom('events').select('position').where('tenant_id', '=', tenantId).where('idempotency_key', '=', markerKey).executeTakeFirst()) !== undefined;
  if (Array.isArray(history) && history.length === 0) return { written: false, events: 0 };
  if (await written()) return { written: false, events: 0 };
  const batches = typeof history === 'function' ? history() : history;
  if (batches.length === 0) return { written: false, events: 0 };
  try {
    const events = await ports.db.transaction().execute(async (trx) => {
      const results = await ports.events.appendManyIn(trx, batches);
      return results.reduce((n, r) => n + r.events.length, 0);
    });
    return { written: true, events };
  } catch (err) {
    if ((err as { code?: string }).code === UNIQUE_VIOLATION) return { written: false, events: 0 };
    if (err instanceof ConcurrencyError && (await written())) return { written: false, events: 0 };
    throw err;
  }
}

/** Each of `tenantIds` that exists: its generated history (`generate`), appended once under its marker. */
export async function appendHistoryPerTenant(
  ports: DemoPorts,
  tenantIds: readonly string[],
  marker: (tenantId: string) => string,
  generate: (tenant: Tenant, now: Date) => AppendRequest[],
): Promise<void> {
  for (const tenantId of tenantIds) {
    const tenant = await ports.tenants.get(tenantId);
    if (!tenant) continue;
    const now = ports.clock();
    await appendHistoryOnce(ports, tenantId, marker(tenantId), () => generate(tenant, now));
  }
}
