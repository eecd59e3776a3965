import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { ForbiddenError, NotFoundError } from '../../server/errors.js';
import { handleCommand } from '../kit/command-handler.js';
import { parseRequest } from '../kit/parse-request.js';
import type { FeaturePorts } from '../types.js';
import { appointmentDecider, AppointmentStateError, type AppointmentCommand } from './decider.js';
import { appointmentStream } from './events.js';
import type { AppointmentStore } from './store.js';

const Params = z.object({ tenantId: z.string().min(1), appointmentId: z.string().min(1).optional() });
const Body = z.object({ reason: z.string().max(300).optional() }).default({});
const ACTIONS = {
  confirm: 'ConfirmAppointment',
  cancel: 'CancelAppointment',
  no_show: 'MarkNoShow',
  complete: 'CompleteAppointment',
} as const;

/**
 * Portal API under /api/features/appointment_requests. Tenant scoping is by path; the portal's
 * owner-auth preHandler is added where portal auth lands.
 */
export const routes: FastifyPluginAsync<{ ports: FeaturePorts<AppointmentStore> }> = async (app, { ports }) => {
  app.get('/tenants/:tenantId/catalog', async (req) => {
    const { tenantId } = parseRequest(Params, req.params);
    const catalog = await ports.store.catalog(tenantId);
    if (!catalog) throw new NotFoundError('no catalog for this tenant');
    return { catalog };
  });
  app.get('/tenants/:tenantId/appointments', async (req) => {
    const { tenantId } = parseRequest(Params, req.params);
    return { appointments: await ports.store.appointments(tenantId) };
  });
  for (const [action, type] of Object.entries(ACTIONS)) {
    app.post(`/tenants/:tenantId/appointments/:appointmentId/${action}`, async (req) => {
      const { tenantId, appointmentId } = parseRequest(Params, req.params);
      const stream = appointmentStream(tenantId, appointmentId!);
      if ((await ports.events.streamVersion(stream)) === 0) throw new NotFoundError('no such appointment');
      const { reason } = parseRequest(Body, req.body ?? {});
      const command = { type, data: { tenantId, appointmentId: appointmentId!, ...(reason ? { reason } : {}) } } as AppointmentCommand;
      try {
        await handleCommand(ports.events, tenantId, stream, appointmentDecider, command, { metadata: { actor_mode: 'owner', source: 'portal' } });
      } catch (err) {
        if (err instanceof AppointmentStateError) throw new ForbiddenError(err.message, 'illegal_state');
        throw err;
      }
      const appointment = await ports.store.appointment(tenantId, appointmentId!);
      if (!appointment) throw new Error(`appointment ${appointmentId} was not projected`);
      return appointment;
    });
  }
};
