import { z } from 'zod';
import { page, PageQuery } from './pagination.js';
import { Cents, IsoDate, IsoInstant, RecordSource } from './scalars.js';

/**
 * Appointments under `/api/tenants/:tenant_id/`.
 * - `GET appointments` (`AppointmentListQuery`) → `AppointmentList`, newest `starts_at` first.
 * - `POST appointments/:id/status` (`SetAppointmentStatusRequest`) → 200 `Appointment`;
 *   a move `APPOINTMENT_TRANSITIONS` does not allow → 403 `{"error":"illegal_state"}`.
 */
export const AppointmentStatus = z.enum(['requested', 'confirmed', 'completed', 'no_show', 'cancelled']);
export type AppointmentStatus = z.infer<typeof AppointmentStatus>;

export const AppointmentStatusChange = z.enum(['confirmed', 'completed', 'no_show', 'cancelled']);
export type AppointmentStatusChange = z.infer<typeof AppointmentStatusChange>;

/** Open appointments (requested, confirmed) move on; final ones stay. */
export const APPOINTMENT_TRANSITIONS: Readonly<Record<AppointmentStatus, readonly AppointmentStatusChange[]>> = {
  requested: ['confirmed', 'completed', 'no_show', 'cancelled'],
  confirmed: ['completed', 'no_show', 'cancelled'],
  completed: [],
  no_show: [],
  cancelled: [],
};

export const Appointment = z.object({
  id: z.string(),
  status: AppointmentStatus,
  customer_name: z.string(),
  /** E.164; shown to the tenant's own owner and staff only. */
  customer_phone: z.string().nullable(),
  service: z.string(),
  service_id: z.string(),
  staff: z.string().nullable(),
  staff_id: z.string().nullable(),
  starts_at: IsoInstant,
  ends_at: IsoInstant,
  duration_minutes: z.number().int().positive(),
  price_cents: Cents,
  notes: z.string().nullable(),
  source: RecordSource,
  call_sid: z.string().nullable(),
  created_at: IsoInstant,
  updated_at: IsoInstant,
});
export type Appointment = z.infer<typeof Appointment>;

/** Filters: status, and a day range on `starts_at` in the tenant's zone (`to` inclusive). */
export const AppointmentListQuery = PageQuery.extend({
  status: AppointmentStatus.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type AppointmentListQuery = z.input<typeof AppointmentListQuery>;

export const AppointmentList = page(Appointment);
export type AppointmentList = z.infer<typeof AppointmentList>;

export const SetAppointmentStatusRequest = z.object({
  status: AppointmentStatusChange,
  reason: z.string().trim().max(300).optional(),
});
export type SetAppointmentStatusRequest = z.infer<typeof SetAppointmentStatusRequest>;
