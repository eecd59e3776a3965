import { sql } from 'kysely';
import { CALL_GATE_PASSED, CALL_RECEIVED, SHARED_TENANT, type CallGatePassed } from '../../calls/call-events.js';
import type { Projection, StoredEvent, Trx } from '../../storage/events.js';
import { toE164 } from '../../tenancy/tenant.js';
import { APPOINTMENT_REQUESTED } from '../appointment_requests/events.js';
import { ORDER_PLACED } from '../order_placing/events.js';
import type { CoreReads } from '../types.js';
import { OWNER_CONTACT_REMOVED, OWNER_CONTACT_UPSERTED, type OwnerContactUpserted } from './events.js';
import './tables.js';

/** `contacts`: customers per tenant keyed by E.164 phone, from calls, orders and appointments. */
export const contactsProjection = (reads: CoreReads): Projection => ({
  name: 'contacts',
  handles: [CALL_RECEIVED, CALL_GATE_PASSED, ORDER_PLACED, APPOINTMENT_REQUESTED],
  tables: ['contacts'],
  async apply(trx: Trx, event: StoredEvent) {
    const p = event.payload as { from?: string; customerPhone?: string | null; customerName?: string | null };
    let tenantId = event.tenantId;
    let from = p.from;
    if (event.type === CALL_GATE_PASSED) {
      // A shared-line call becomes this tenant's once its client code is accepted; the caller's
      // number is on the call's own `call.received` (tenant not yet known then). Owners are not customers.
      const g = event.payload as Partial<CallGatePassed>;
      if (g.actorMode !== 'client' || !g.tenantId) return;
      tenantId = g.tenantId;
      from = (await reads.within(trx).calls.callerOf(event.streamId)) ?? undefined;
    }
    if (tenantId === SHARED_TENANT) return;
    const isCall = event.type === CALL_RECEIVED || event.type === CALL_GATE_PASSED;
    const phone = toE164(isCall ? from : (p.customerPhone ?? undefined));
    if (!phone) return; // withheld or malformed numbers are skipped
    const name = isCall ? null : p.customerName?.trim() || null;
    const counts = {
      calls_count: isCall ? 1 : 0,
      orders_count: event.type === ORDER_PLACED ? 1 : 0,
      appointments_count: event.type === APPOINTMENT_REQUESTED ? 1 : 0,
    };
    await trx
      .insertInto('contacts')
      .values({ tenant_id: tenantId, phone, name, first_seen_at: event.occurredAt, last_seen_at: event.occurredAt, ...counts })
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'phone']).doUpdateSet({
          // The latest name given wins; a call alone never erases one.
          name: sql`coalesce(excluded.name, contacts.name)`,
          first_seen_at: sql`least(contacts.first_seen_at, excluded.first_seen_at)`,
          last_seen_at: sql`greatest(contacts.last_seen_at, excluded.last_seen_at)`,
          calls_count: sql`contacts.calls_count + excluded.calls_count`,
          orders_count: sql`contacts.orders_count + excluded.orders_count`,
          appointments_count: sql`contacts.appointments_count + excluded.appointments_count`,
        }),
      )
      .execute();
  },
});

/** `owner_contacts`: who at the business gets which notifications, on which channels. */
export const ownerContactsProjection: Projection = {
  name: 'owner_contacts',
  handles: [OWNER_CONTACT_UPSERTED, OWNER_CONTACT_REMOVED],
  tables: ['owner_contacts'],
  async apply(trx: Trx, event: StoredEvent) {
    const p = event.payload as unknown as OwnerContactUpserted;
    if (!p.contactId) return;
    if (event.type === OWNER_CONTACT_REMOVED) {
      await trx.deleteFrom('owner_contacts').where('tenant_id', '=', event.tenantId).where('contact_id', '=', p.contactId).execute();
      return;
    }
    const row = { name: p.name, phone: toE164(p.phone ?? undefined) ?? null, email: p.email ?? null, notify: JSON.stringify(p.notify ?? {}), updated_at: event.occurredAt };
    await trx
      .insertInto('owner_contacts')
      .values({ tenant_id: event.tenantId, contact_id: p.contactId, ...row })
      .onConflict((oc) => oc.columns(['tenant_id', 'contact_id']).doUpdateSet(row))
      .execute();
  },
};
