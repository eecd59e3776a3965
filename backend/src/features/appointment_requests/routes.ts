import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { FeaturePorts } from '../../features/types.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../server/errors.js';
import { handleCommand } from '../../shared/command-handler.js';
import { appointmentDecider, AppointmentStateError, type AppointmentCommand } from './decider.js';
import { appointmentStream } from './events.js';
import { loadCatalog } from './repository.js';

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
export const routes: FastifyPluginAsync<{ ports: FeaturePorts }> = async (app, { ports }) => {
  app.get('/tenants/:tenantId/catalog', async (req) => {
    const { tenantId } = parse(Params, req.params);
    const catalog = await loadCatalog(ports.db, tenantId);
    if (!catalog) throw new NotFoundError('no catalog for this tenant');
    return { catalog };
  });
  app.get('/tenants/:tenantId/appointments', async (req) => {
    const { tenantId } = parse(Params, req.params);
    return { appointments: await ports.db.selectFrom('appointments').selectAll().where('tenant_id', '=', tenantId).orderBy('starts_at', 'desc').limit(100).execute() };
  });
  for (const [action, type] of Object.entries(ACTIONS)) {
    app.post(`/tenants/:tenantId/appointments/:appointmentId/${action}`, async (req) => {
      const { tenantId, appointmentId } = parse(Params, req.params);
      const stream = appointmentStream(tenantId, appointmentId!);
      if ((await ports.events.streamVersion(stream)) === 0) throw new NotFoundError('no such appointment');
      const { reason } = parse(Body, req.body ?? {});
      const command = { type, data: { tenantId, appointmentId: appointmentId!, ...(reason ? { reason } : {}) } } as AppointmentCommand;
      try {
        await handleCommand(ports.events, tenantId, stream, appointmentDecider, command, { metadata: { actor_mode: 'owner', source: 'portal' } });
      } catch (err) {
        if (err instanceof AppointmentStateError) throw new ForbiddenError(err.message, 'illegal_state');
        throw err;
      }
      return ports.db.selectFrom('appointments').selectAll().where('id', '=', appointmentId!).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
    });
  }
};

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new ValidationError(r.error.issues[0]?.message ?? 'invalid request');
  return r.data;
}
