import { CallListQuery } from '@vozlia/contract';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { parseRequest } from '../features/kit/parse-request.js';
import { listPage, tenantOf, type TenantParams } from '../features/kit/tenant-route.js';
import type { CoreReads } from '../features/types.js';
import { NotFoundError } from '../server/errors.js';
import { CallLog } from './call-log.js';

const DetailParams = z.object({ tenant_id: z.string(), call_sid: z.string().min(1).max(64) });

/** The call log in the tenant scope: `GET calls` (filters, keyset pages) and `GET calls/:call_sid`. */
export const callLogRoutes: FastifyPluginAsync<{ log: CallLog; reads: CoreReads }> = async (app, { log, reads }) => {
  app.get<{ Params: TenantParams }>('/calls', async (req) => {
    const tenant = await tenantOf({ reads }, req);
    const q = parseRequest(CallListQuery, req.query);
    const filter = { ...(q.outcome ? { outcome: q.outcome } : {}), ...(q.actor_mode ? { actorMode: q.actor_mode } : {}) };
    return listPage(tenant, q, (f) => log.list(tenant.id, { ...f, ...filter }), CallLog.key, CallLog.summary);
  });

  app.get('/calls/:call_sid', async (req) => {
    const { tenant_id, call_sid } = parseRequest(DetailParams, req.params);
    const call = await log.detail(tenant_id, call_sid);
    if (!call) throw new NotFoundError('no such call');
    return call;
  });
};
