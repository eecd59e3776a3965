import { Appointment, AppointmentList, type AppointmentListQuery, type SetAppointmentStatusRequest } from '@vozlia/contract';
import { tenantPath, type ApiClient } from '@/lib/api/api-client';
import { tenantListQuery } from '@/lib/query/tenant-query';

export type AppointmentFilters = Omit<AppointmentListQuery, 'cursor' | 'limit'>;
const PAGE_SIZE = 25;

export const appointmentsQuery = (api: ApiClient, tenantId: string, filters: AppointmentFilters) =>
  tenantListQuery(api, tenantId, ['appointments', filters], (api, cursor, signal) =>
    api.get(tenantPath(tenantId, 'appointments'), AppointmentList, { ...filters, cursor, limit: PAGE_SIZE }, signal),
  );

export const setAppointmentStatus = (api: ApiClient, tenantId: string, appointmentId: string, body: SetAppointmentStatusRequest) =>
  api.send('POST', tenantPath(tenantId, 'appointments', appointmentId, 'status'), body, Appointment);
