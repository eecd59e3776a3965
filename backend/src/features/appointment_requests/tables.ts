import type { ColumnType } from 'kysely';
import type { Json } from '../../storage/schema.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** Row types of this feature's tables, merged into `Database`. */
export interface AppointmentCatalogsTable {
  tenant_id: string;
  catalog: Json<Record<string, unknown>>;
  updated_at: Timestamp;
}

export interface AppointmentServicesTable {
  tenant_id: string;
  service_id: string;
  name: string;
  duration_minutes: number;
  price_cents: number;
  sort_order: number;
}

export interface AppointmentsTable {
  id: string;
  tenant_id: string;
  call_sid: string | null;
  customer_name: string;
  customer_phone: string | null;
  service: string;
  service_id: string;
  staff: string | null;
  staff_id: string | null;
  starts_at: Timestamp;
  ends_at: Timestamp;
  duration_minutes: number;
  price_cents: number;
  status: string;
  notes: string | null;
  source: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

declare module '../../storage/schema.js' {
  interface Database {
    appointment_catalogs: AppointmentCatalogsTable;
    appointment_services: AppointmentServicesTable;
    appointments: AppointmentsTable;
  }
}
