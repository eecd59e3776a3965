import formbody from '@fastify/formbody';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../config/load-config.js';
import type { FeatureRegistry } from '../features/registry.js';
import type { FeaturePorts } from '../features/types.js';
import type { TenantRepository } from '../tenancy/tenant-repository.js';
import type { Registry } from 'prom-client';
import { adminRoutes } from './admin-routes.js';
import { AppError } from './errors.js';
import { healthRoutes } from './health-routes.js';

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
}

const ALWAYS_SERVED = new Set(['/healthz', '/readyz', '/metrics']);

/** Builds the HTTP/WS app; never listens (tests use `inject`, main listens). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyServerOptions['loggerInstance'],
    trustProxy: true,
    bodyLimit: 1024 * 1024,
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
  await app.register(formbody);
  await app.register(websocket, { options: { maxPayload: 256 * 1024 } });
  await app.register(healthRoutes, { isReady: deps.isReady, metrics: deps.metrics });
  await app.register(adminRoutes, { config: deps.config, registry: deps.registry, tenants: deps.tenants });

  for (const feature of deps.registry.features) {
    if (!feature.routes) continue;
    await app.register(feature.routes, { prefix: `/api/features/${feature.manifest.name}`, ports: deps.ports });
  }
  return app;
}
