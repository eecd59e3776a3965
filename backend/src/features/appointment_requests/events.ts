import type { CatalogInput } from './catalog.js';

export const CATALOG_PUBLISHED = 'appointment.catalog_published';
export const APPOINTMENT_REQUESTED = 'appointment.requested';
export const APPOINTMENT_CONFIRMED = 'appointment.confirmed';
export const APPOINTMENT_CANCELLED = 'appointment.cancelled';
export const APPOINTMENT_NO_SHOW = 'appointment.no_show';
export const APPOINTMENT_COMPLETED = 'appointment.completed';

export const catalogStream = (tenantId: string) => ({ type: 'appointment_catalog', id: `appointment_catalog:${tenantId}` });
export const appointmentStream = (tenantId: string, id: string) => ({ type: 'appointment', id: `appointment:${tenantId}:${id}` });

export interface CatalogPublished {
  tenantId: string;
  catalog: CatalogInput;
}

export interface AppointmentRequested {
  tenantId: string;
  appointmentId: string;
  callSid: string | null;
  customerName: string;
  customerPhone: string | null;
  serviceId: string;
  service: string;
  staffId: string | null;
  staff: string | null;
  /** ISO instants. */
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
  priceCents: number;
  notes: string | null;
  source: 'voice' | 'portal' | 'seed';
}

export interface AppointmentRef {
  tenantId: string;
  appointmentId: string;
  reason?: string | null;
}

export type AppointmentEvent =
  | { type: typeof APPOINTMENT_REQUESTED; data: AppointmentRequested }
  | { type: typeof APPOINTMENT_CONFIRMED; data: AppointmentRef }
  | { type: typeof APPOINTMENT_CANCELLED; data: AppointmentRef }
  | { type: typeof APPOINTMENT_NO_SHOW; data: AppointmentRef }
  | { type: typeof APPOINTMENT_COMPLETED; data: AppointmentRef };
