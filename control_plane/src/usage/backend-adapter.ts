import type { Kysely } from 'kysely';
import type { TenantDirectory, UsageEvent, UsageEventSource } from './ports.js';

/**
 * ADAPTER OVER THE BACKEND'S TABLES: the backend will own this file (and its `Database` types)
 * once it mounts billing; it lives here until then so tests run on real event history.
 * Only the columns read are declared, as the backend's storage/schema.ts has them.
 */
interface BackendTables {
  events: {
    position: number;
    tenant_id: string;
    type: string;
    payload: Record<string, unknown>;
    occurred_at: Date;
    recorded_at: Date;
  };
  tenants: { id: string; time_zone: string };
}

/** Reads the `events` table (index `events_tenant_type_idx`: tenant, type, occurred_at). */
export function eventsTableSource<DB>(db: Kysely<DB>): UsageEventSource {
  const k = db as unknown as Kysely<BackendTables>;
  return {
    async read(q) {
      if (q.types.length === 0) return [];
      let query = k
        .selectFrom('events')
        .select(['type', 'tenant_id', 'payload', 'occurred_at', 'recorded_at'])
        .where('tenant_id', '=', q.tenantId)
        .where('type', 'in', [...q.types]);
      if (q.occurredFrom) query = query.where('occurred_at', '>=', q.occurredFrom);
      if (q.occurredTo) query = query.where('occurred_at', '<', q.occurredTo);
      if (q.recordedAfter) query = query.where('recorded_at', '>', q.recordedAfter);
      const rows = await query.orderBy('position').execute();
      return rows.map(
        (r): UsageEvent => ({ type: r.type, tenantId: r.tenant_id, payload: r.payload, occurredAt: r.occurred_at, recordedAt: r.recorded_at }),
      );
    },
  };
}

/** Reads the `tenants` projection. */
export function tenantsTableDirectory<DB>(db: Kysely<DB>): TenantDirectory {
  const k = db as unknown as Kysely<BackendTables>;
  return {
    async tenantZone(id) {
      const row = await k.selectFrom('tenants').select('time_zone').where('id', '=', id).executeTakeFirst();
      return row?.time_zone ?? null;
    },
    async listTenants() {
      const rows = await k.selectFrom('tenants').select('id').orderBy('id').execute();
      return rows.map((r) => r.id);
    },
  };
}
