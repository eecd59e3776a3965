import type { FastifyPluginAsync } from 'fastify';
import type { Registry } from 'prom-client';

export const HEALTHY = Object.freeze({ ok: true });
export const NOT_READY = Object.freeze({ ready: false });
/** What every other route answers (503) while the server starts or shuts down. */
export const STARTING = Object.freeze({ error: 'starting', message: 'the server is starting' });

export interface HealthDeps {
  isReady(): Promise<boolean>;
  metrics: Registry;
}

/** `/healthz` (process serves), `/readyz` (database migrated and reachable), `/metrics`. */
export const healthRoutes: FastifyPluginAsync<HealthDeps> = async (app, deps) => {
  app.get('/healthz', async () => HEALTHY);
  app.get('/readyz', async (_req, reply) => {
    const ready = await deps.isReady().catch(() => false);
    return reply.code(ready ? 200 : 503).send({ ready });
  });
  app.get('/metrics', async (_req, reply) => {
    return reply.type(deps.metrics.contentType).send(await deps.metrics.metrics());
  });
};
