import { existsSync } from 'node:fs';
import formbody from '@fastify/formbody';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { adminGuard } from './admin-auth.js';
import { registerApiDocs } from './api-docs.js';
import { AppError, ValidationError } from './errors.js';
import { healthRoutes, STARTING } from './health-routes.js';
import type { Mount } from './mount.js';
import { recordRoutes } from './route-table.js';
import { webuiStatic } from './webui-static.js';

export interface AppDeps {
  log: Logger;
  metrics: Registry;
  /** `VOZ_ADMIN_TOKEN`: guards /api/admin/*. */
  adminToken: string | undefined;
  isReady(): Promise<boolean>;
  /** False while shutting down: then only health routes answer (503 otherwise). */
  accepting(): boolean;
  /** Route groups, registered in order (composed in compose/). */
  mounts: readonly Mount[];
  /** Built web UI (`webui/out`); served at `/` when the folder exists. */
  webuiDir?: string;
  /** Take over an already-listening server (server/boot-listener.ts); absent = Fastify's own. */
  serverFactory?: (handler: Parameters<NonNullable<FastifyServerOptions['serverFactory']>>[0]) => Server;
}

const ALWAYS_SERVED = new Set(['/healthz', '/readyz', '/metrics']);
const BODY_LIMIT_BYTES = 1024 * 1024;
const WS_MAX_PAYLOAD_BYTES = 256 * 1024;
/** The media-stream token rides in the path (`/twilio/media/:token`, ~250 chars); default is 100. */
const MAX_PARAM_CHARS = 1024;

/** Builds the HTTP/WS app; never listens (tests use `inject`, main hands it the boot listener). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyServerOptions['loggerInstance'],
    trustProxy: true,
    bodyLimit: BODY_LIMIT_BYTES,
    routerOptions: { maxParamLength: MAX_PARAM_CHARS },
    ...(deps.serverFactory ? { serverFactory: deps.serverFactory } : {}),
  });
  recordRoutes(app);
  app.setErrorHandler((err, req, reply) => {
    if (err instanceof AppError) {
      const field = err instanceof ValidationError && err.field ? { field: err.field } : {};
      return reply.code(err.httpStatus).send({ error: err.code, message: err.message, ...field });
    }
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) req.log.error({ err }, 'request failed');
    return reply.code(status).send({ error: status >= 500 ? 'internal' : 'bad_request', message: status >= 500 ? 'internal error' : (err as Error).message });
  });

  app.addHook('onRequest', async (req, reply) => {
    if (!deps.accepting() && !ALWAYS_SERVED.has(req.url.split('?')[0]!)) return reply.code(503).send(STARTING);
  });
  // Every /api/admin/* route, wherever registered: bearer token, or loopback only when none is
  // set. The tenant API (/api/tenants/*) has its own gate, registered with its scope.
  const guardAdmin = adminGuard(deps.adminToken);
  const isAdmin = (path: string | undefined) => path !== undefined && /^\/api\/admin(\/|$|\?)/i.test(path);
  app.addHook('onRequest', async (req, reply) => {
    // The matched route pattern too, so an encoded or oddly cased URL cannot slip past.
    if (isAdmin(req.url) || isAdmin(req.routeOptions.url)) return guardAdmin(req, reply);
  });
  await app.register(formbody);
  await app.register(websocket, { options: { maxPayload: WS_MAX_PAYLOAD_BYTES } });
  await app.register(healthRoutes, { isReady: deps.isReady, metrics: deps.metrics });
  // Before the mounts: the OpenAPI document lists the routes registered after it.
  await registerApiDocs(app);
  for (const m of deps.mounts) await m(app);
  if (deps.webuiDir && existsSync(deps.webuiDir)) {
    await app.register(webuiStatic, { root: deps.webuiDir });
  }
  return app;
}
