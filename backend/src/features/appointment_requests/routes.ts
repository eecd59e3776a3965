import { AppointmentListQuery, SetAppointmentStatusRequest, type Appointment, type AppointmentStatus, type AppointmentStatusChange, type RecordSource } from '@vozlia/contract';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { ForbiddenError, NotFoundError } from '../../server/errors.js';
import { handleCommand } from '../kit/command-handler.js';
import { parseRequest } from '../kit/parse-request.js';
import { listPage, portalMetadata, tenantOf, type TenantParams } from '../kit/tenant-route.js';
import type { FeaturePorts } from '../types.js';
import { catalogRoutes } from './catalog-routes.js';
import { appointmentDecider, AppointmentStateError, type AppointmentCommand } from './decider.js';
import { appointmentStream } from './events.js';
import type { AppointmentRow, AppointmentStore } from './store.js';

const Params = z.object({ tenant_id: z.string(), id: z.string().min(1).max(100) });
const COMMAND: Record<AppointmentStatusChange, Exclude<AppointmentCommand['type'], 'RequestAppointment'>> = {
  confirmed: 'ConfirmAppointment',
  cancelled: 'CancelAppointment',
  no_show: 'MarkNoShow',
  completed: 'CompleteAppointment',
};
const iso = (d: Date | string) => new Date(d).toISOString();

export function toAppointment(r: AppointmentRow): Appointment {
  return {
    id: r.id,
    status: r.status as AppointmentStatus,
    customer_name: r.customer_name,
    customer_phone: r.customer_phone,
    service: r.service,
    service_id: r.service_id,
    staff: r.staff,
    staff_id: r.staff_id,
    starts_at: iso(r.starts_at),
    ends_at: iso(r.ends_at),
    duration_minutes: r.duration_minutes,
    price_cents: r.price_cents,
    notes: r.notes,
    source: r.source as RecordSource,
    call_sid: r.call_sid,
    created_at: iso(r.created_at),
    updated_at: iso(r.updated_at),
  };
}

/** Appointments in the tenant scope: the list (filters, keyset pages), one, status changes, the catalog. */
export const routes: FastifyPluginAsync<{ ports: FeaturePorts<AppointmentStore> }> = async (app, { ports }) => {
  app.get<{ Params: TenantParams }>('/appointments', async (req) => {
    const tenant = await tenantOf(ports, req);
    const q = parseRequest(AppointmentListQuery, req.query);
    return listPage(tenant, q, (f) => ports.store.list(tenant.id, { ...f, ...(q.status ? { status: q.status } : {}) }), (r) => ({ at: new Date(r.starts_at), id: r.id }), toAppointment);
  });

  app.get('/appointments/:id', async (req) => {
    const { tenant_id, id } = parseRequest(Params, req.params);
    const row = await ports.store.appointment(tenant_id, id);
    if (!row) throw new NotFoundError('no such appointment');
    return toAppointment(row);
  });

  app.post('/appointments/:id/status', async (req) => {
    const { tenant_id: tenantId, id: appointmentId } = parseRequest(Params, req.params);
    const { status, reason } = parseRequest(SetAppointmentStatusRequest, req.body);
    const stream = appointmentStream(tenantId, appointmentId);
    if ((await ports.events.streamVersion(stream)) === 0) throw new NotFoundError('no such appointment');
    const command = { type: COMMAND[status], data: { tenantId, appointmentId, ...(reason ? { reason } : {}) } } as AppointmentCommand;
    try {
      await handleCommand(ports.events, tenantId, stream, appointmentDecider, command, { metadata: portalMetadata(req) });
    } catch (err) {
      if (err instanceof AppointmentStateError) throw new ForbiddenError(err.message, 'illegal_state');
      throw err;
    }
    const row = await ports.store.appointment(tenantId, appointmentId);
    if (!row) throw new Error(`appointment ${appointmentId} was not projected`);
    return toAppointment(row);
  });

  catalogRoutes(app, ports);
};
