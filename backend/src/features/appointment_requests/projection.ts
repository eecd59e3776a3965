import type { Projection, StoredEvent, Trx } from '../../storage/events.js';
import { CatalogSchema } from './catalog.js';
import {
  APPOINTMENT_CANCELLED,
  APPOINTMENT_COMPLETED,
  APPOINTMENT_CONFIRMED,
  APPOINTMENT_NO_SHOW,
  APPOINTMENT_REQUESTED,
  CATALOG_PUBLISHED,
  type AppointmentRef,
  type AppointmentRequested,
  type CatalogPublished,
} from './events.js';
import './tables.js';

/** `appointment_catalogs` + `appointment_services`. */
export const catalogProjection: Projection = {
  name: 'appointment_catalog',
  handles: [CATALOG_PUBLISHED],
  tables: ['appointment_services', 'appointment_catalogs'],
  async apply(trx: Trx, event: StoredEvent) {
    const parsed = CatalogSchema.safeParse((event.payload as unknown as CatalogPublished).catalog);
    if (!parsed.success) return; // skipped, never fatal
    const catalog = parsed.data;
    await trx
      .insertInto('appointment_catalogs')
      .values({ tenant_id: event.tenantId, catalog: JSON.stringify(catalog), updated_at: event.occurredAt })
      .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ catalog: JSON.stringify(catalog), updated_at: event.occurredAt }))
      .execute();
    await trx.deleteFrom('appointment_services').where('tenant_id', '=', event.tenantId).execute();
    await trx
      .insertInto('appointment_services')
      .values(catalog.services.map((s, i) => ({ tenant_id: event.tenantId, service_id: s.id, name: s.name, duration_minutes: s.durationMinutes, price_cents: s.priceCents, sort_order: i })))
      .onConflict((oc) => oc.columns(['tenant_id', 'service_id']).doNothing())
      .execute();
  },
};

const STATUS: Record<string, string> = {
  [APPOINTMENT_CONFIRMED]: 'confirmed',
  [APPOINTMENT_CANCELLED]: 'cancelled',
  [APPOINTMENT_NO_SHOW]: 'no_show',
  [APPOINTMENT_COMPLETED]: 'completed',
};

/** `appointments` with status. */
export const appointmentsProjection: Projection = {
  name: 'appointments',
  handles: [APPOINTMENT_REQUESTED, APPOINTMENT_CONFIRMED, APPOINTMENT_CANCELLED, APPOINTMENT_NO_SHOW, APPOINTMENT_COMPLETED],
  tables: ['appointments'],
  async apply(trx: Trx, event: StoredEvent) {
    if (event.type === APPOINTMENT_REQUESTED) {
      const p = event.payload as unknown as AppointmentRequested;
      if (!p.appointmentId || !p.startsAt) return;
      await trx
        .insertInto('appointments')
        .values({
          id: p.appointmentId,
          tenant_id: event.tenantId,
          call_sid: p.callSid ?? null,
          customer_name: p.customerName ?? '',
          customer_phone: p.customerPhone ?? null,
          service: p.service,
          service_id: p.serviceId,
          staff: p.staff ?? null,
          staff_id: p.staffId ?? null,
          starts_at: p.startsAt,
          ends_at: p.endsAt,
          duration_minutes: p.durationMinutes,
          price_cents: p.priceCents,
          status: 'requested',
          notes: p.notes ?? null,
          source: p.source,
          created_at: event.occurredAt,
          updated_at: event.occurredAt,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      return;
    }
    const p = event.payload as unknown as AppointmentRef;
    await trx
      .updateTable('appointments')
      .set({ status: STATUS[event.type]!, updated_at: event.occurredAt })
      .where('id', '=', p.appointmentId)
      .where('tenant_id', '=', event.tenantId)
      .execute();
  },
};
