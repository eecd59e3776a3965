import { existsSync } from 'node:fs';
import formbody from '@fastify/formbody';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyServerOptions } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../config/load-config.js';
import type { FeatureRegistry } from '../features/registry.js';
import type { FeaturePorts } from '../features/types.js';
import type { TenantRepository } from '../tenancy/tenant-repository.js';
import type { Registry } from 'prom-client';
import { adminGuard } from './admin-auth.js';
import { adminRoutes } from './admin-routes.js';
import { AppError } from './errors.js';
import { healthRoutes } from './health-routes.js';
import { webuiStatic } from './webui-static.js';

export interface AppDeps {
  config: Config;
  log: Logger;
  metrics: Registry;
  registry: FeatureRegistry;
  ports: FeaturePorts;
  tenants: TenantRepository;
  isReady(): Promise<boolean>;
  /** False until migrations and seeding are done: then only health routes answer (503 otherwise). */
  started(): boolean;
  /** Built web UI (`webui/out`); served at `/` when the folder exists. */
  webuiDir?: string;
  /** Twilio webhooks + media-stream WebSocket (telephony/phone-entry.ts). */
  phone?: FastifyPluginAsync;
}

const ALWAYS_SERVED = new Set(['/healthz', '/readyz', '/metrics']);

/** Builds the HTTP/WS app; never listens (tests use `inject`, main listens). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyServerOptions['loggerInstance'],
    trustProxy: true,
    bodyLimit: 1024 * 1024,
    // The media-stream token rides in the path (`/twilio/media/:token`, ~250 chars); default is 100.
    routerOptions: { maxParamLength: 1024 },
  });
  app.setErrorHandler((err, req, reply) => {
    if (err instanceof AppError) return reply.code(err.httpStatus).send({ error: err.code, message: err.message });
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) req.log.error({ err }, 'request failed');
    return reply.code(status).send({ error: status >= 500 ? 'internal' : 'bad_request', message: status >= 500 ? 'internal error' : (err as Error).message });
  });

  app.addHook('onRequest', async (req, reply) => {
    if (!deps.started() && !ALWAYS_SERVED.has(req.url.split('?')[0]!)) {
      return reply.code(503).send({ error: 'starting', message: 'the server is starting' });
    }
  });
  // Every /api/admin/* and /api/features/* route, wherever registered: bearer token, or loopback
  // only when none is set. Feature routes are the owner portal's API; until portal sign-in
  // exists they are operator-only rather than open.
  const guardAdmin = adminGuard(deps.config.adminToken);
  const isAdmin = (path: string | undefined) => path !== undefined && /^\/api\/(admin|features)(\/|$|\?)/i.test(path);
  app.addHook('onRequest', async (req, reply) => {
    // The matched route pattern too, so an encoded or oddly cased URL cannot slip past.
    if (isAdmin(req.url) || isAdmin(req.routeOptions.url)) return guardAdmin(req, reply);
  });
  await app.register(formbody);
  await app.register(websocket, { options: { maxPayload: 256 * 1024 } });
  await app.register(healthRoutes, { isReady: deps.isReady, metrics: deps.metrics });
  await app.register(adminRoutes, { config: deps.config, registry: deps.registry, tenants: deps.tenants });
  if (deps.phone) await app.register(deps.phone);

  if (deps.webuiDir && existsSync(deps.webuiDir)) {
    await app.register(webuiStatic, { root: deps.webuiDir });
  }

  for (const feature of deps.registry.features) {
    if (!feature.routes) continue;
    await app.register(feature.routes, { prefix: `/api/features/${feature.manifest.name}`, ports: deps.ports });
  }
  return app;
}
