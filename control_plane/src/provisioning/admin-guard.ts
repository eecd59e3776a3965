import type { FastifyInstance } from 'fastify';
import { sendError } from '../accounts/http-replies.js';
import type { IsAdmin } from './ports.js';

/** Every route of this plugin answers the platform admin only (the app guards `/api/admin/*` too). */
export function adminOnly(app: FastifyInstance, isAdmin: IsAdmin): void {
  app.addHook('onRequest', async (req, reply) => {
    if (!isAdmin(req)) return sendError(reply.header('www-authenticate', 'Bearer'), 401, { error: 'unauthorized', message: 'admin token required' });
  });
}

export const NO_TENANT = { error: 'not_found', message: 'no such tenant' } as const;
