import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../main.js';
import { startTestRuntime } from '../testing/test-runtime.js';

/** The OpenAPI description is read from the router, so it cannot drift from the routes served. */
describe('API docs at /api/docs', () => {
  let runtime: Runtime;
  beforeAll(async () => {
    runtime = await startTestRuntime();
  }, 120_000);
  afterAll(async () => runtime?.close());

  it('lists the contract routes (auth, tenant API, admin API), with the tenant in the path', async () => {
    const res = await runtime.app.inject('/api/docs/json');
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toMatch(/^3\./);
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    for (const route of [
      'POST /api/auth/login',
      'GET /api/auth/me',
      'POST /api/auth/logout',
      'GET /api/tenants/{tenant_id}/orders',
      'POST /api/tenants/{tenant_id}/orders/{id}/status',
      'POST /api/tenants/{tenant_id}/query',
      'POST /api/tenants/{tenant_id}/ask',
      'GET /api/tenants/{tenant_id}/audit',
      'POST /api/admin/tenants',
      'POST /api/admin/tenants/{id}/access-codes',
      'GET /api/admin/tenants/{id}/usage',
      'POST /api/admin/billing/close',
    ]) {
      expect(routes, route).toContain(route);
    }
  });

  it('serves the browsable UI', async () => {
    const res = await runtime.app.inject('/api/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('swagger');
  });
});
