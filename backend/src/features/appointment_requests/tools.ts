import type { FeatureTool } from '../types.js';
import { requestAppointment } from './request-appointment.js';
import type { AppointmentStore } from './store.js';

export const requestAppointmentTool: FeatureTool<AppointmentStore> = {
  name: 'request_appointment',
  description:
    'Requests an appointment. Resolve the caller\'s day and time to a local ISO date-time first. If the slot is taken or the shop is closed, ' +
    'the result has ok=false, a message and up to three alternatives: offer those. Never invent times or prices.',
  timeoutMs: 5000,
  async parameters(tenant, ports) {
    const catalog = await ports.store.catalog(tenant.id);
    const services = catalog?.services.map((s) => s.name) ?? [];
    const staff = catalog?.staff.map((s) => s.name) ?? [];
    return {
      type: 'object',
      additionalProperties: false,
      properties: {
        service: { type: 'string', enum: services },
        preferred_time: { type: 'string', description: `Local date-time, ISO form YYYY-MM-DDTHH:mm, in the shop's time zone (${tenant.timeZone}).` },
        staff: { type: 'string', enum: [...staff, 'any'], description: 'A barber the caller asked for, or "any".' },
        customer_name: { type: 'string' },
        callback_number: { type: 'string', description: "Leave out to use the caller's number." },
        notes: { type: 'string' },
      },
      required: ['service', 'preferred_time', 'customer_name'],
    };
  },
  async handler(args, ctx) {
    return requestAppointment(ctx.ports, {
      tenant: ctx.tenant,
      args,
      source: ctx.source === 'portal' ? 'portal' : 'voice',
      ...(ctx.callSid ? { callSid: ctx.callSid } : {}),
      ...(ctx.callerNumber ? { callerNumber: ctx.callerNumber } : {}),
      metadata: { actor_mode: ctx.actorMode, source: ctx.source, ...(ctx.callSid ? { call_sid: ctx.callSid } : {}) },
    });
  },
};
