import type { BillingEventAppender, TenantDirectory, UsageEvent, UsageEventSource } from '@vozlia/control-plane';
import { sql, type Kysely } from 'kysely';
import type { EventStore } from '../storage/event-store.js';
import type { Database } from '../storage/schema.js';
import type { TenantRepository } from '../tenancy/tenant-repository.js';

/**
 * The backend's side of billing's ports (control_plane/src/usage/ports.ts): the events table,
 * the tenants projection and the event store. control_plane never imports the backend.
 */

/**
 * Metered events of a tenant, in the order they were recorded. An event of a call's stream
 * counts at the instant the call began (the stream's first event, `call.received`): a call
 * belongs to the month it started in, so a status callback or call record written after that
 * month closed is billed late, as an adjustment on the next statement, never as new usage.
 * Other events count at their own `occurred_at`.
 */
export function usageEventSource(db: Kysely<Database>): UsageEventSource {
  const occurredAt = sql<Date>`coalesce(c.occurred_at, e.occurred_at)`;
  return {
    async read(q) {
      if (q.types.length === 0) return [];
      let query = db
        .selectFrom('events as e')
        .leftJoin('events as c', (j) =>
          j.onRef('c.stream_type', '=', 'e.stream_type').onRef('c.stream_id', '=', 'e.stream_id').on('c.stream_type', '=', 'call').on('c.version', '=', 1),
        )
        .select(['e.type', 'e.tenant_id', 'e.payload', 'e.recorded_at', occurredAt.as('occurred_at')])
        .where('e.tenant_id', '=', q.tenantId)
        .where('e.type', 'in', [...q.types]);
      if (q.occurredFrom) query = query.where(occurredAt, '>=', q.occurredFrom);
      if (q.occurredTo) query = query.where(occurredAt, '<', q.occurredTo);
      if (q.recordedAfter) query = query.where('e.recorded_at', '>', q.recordedAfter);
      const rows = await query.orderBy('e.position').execute();
      return rows.map(
        (r): UsageEvent => ({ type: r.type, tenantId: r.tenant_id, payload: r.payload, occurredAt: new Date(r.occurred_at), recordedAt: r.recorded_at }),
      );
    },
  };
}

/** Tenants and their zones, from the tenants projection. */
export function tenantDirectory(tenants: TenantRepository): TenantDirectory {
  return {
    tenantZone: async (id) => (await tenants.get(id))?.timeZone ?? null,
    listTenants: async () => (await tenants.list()).map((t) => t.id).sort(),
  };
}

/** Plan and invoice events on the tenant's `billing:<tenant>` stream, once per idempotency key. */
export function billingAppender(events: EventStore): BillingEventAppender {
  return {
    async append(e) {
      await events.append({
        tenantId: e.tenantId,
        stream: { type: 'billing', id: `billing:${e.tenantId}` },
        expectedVersion: 'any',
        events: [{ type: e.type, payload: e.payload, idempotencyKey: e.idempotencyKey, ...(e.occurredAt ? { occurredAt: e.occurredAt } : {}), metadata: { source: 'billing' } }],
      });
    },
  };
}
