import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../config/load-config.js';
import { FeatureRegistry } from '../features/registry.js';
import type { Runtime } from '../main.js';
import { seedDemoTenants } from '../demo/tenants.js';
import { fixtureFeature } from '../testing/fixtures/features/fixture-feature.js';
import { startTestRuntime } from '../testing/test-runtime.js';
import { adminRoutes } from './admin-routes.js';
import { buildApp, type AppDeps } from './app.js';
import { mount } from './mount.js';

const TOKEN = 'test-admin-token-0123456789';

describe('HTTP app (real runtime on PGlite)', () => {
  let runtime: Runtime;
  const extraApps: FastifyInstance[] = [];

  beforeAll(async () => {
    // Demo tenants only: feature seeds (order history…) are covered by the lifecycle tests.
    runtime = await startTestRuntime({ env: { VOZ_SEED_DEMO: '0' } });
    await seedDemoTenants(runtime.core.events);
  });
  afterAll(async () => {
    for (const a of extraApps) await a.close();
    await runtime?.close();
  });

  /** The same app over the runtime's database, with other config, features or state. */
  async function appWith(
    over: Partial<Omit<AppDeps, 'mounts'>> & { env?: Record<string, string>; registry?: FeatureRegistry } = {},
  ): Promise<FastifyInstance> {
    const { env, registry = runtime.registry, ...rest } = over;
    const config: Config = env ? Object.freeze({ ...runtime.config, ...loadConfig(env) }) : runtime.config;
    const app = await buildApp({
      log: runtime.log,
      metrics: new Registry(),
      adminToken: config.adminToken,
      mounts: [mount(adminRoutes, { prefix: '/api/admin', config, registry })],
      isReady: async () => true,
      accepting: () => true,
      ...rest,
    });
    extraApps.push(app);
    return app;
  }

  it('/healthz and /readyz answer 200 once started, with both demo tenants present', async () => {
    expect((await runtime.app.inject('/healthz')).statusCode).toBe(200);
    const ready = await runtime.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ ready: true });
    const tenants = await runtime.app.inject('/api/admin/tenants');
    expect(tenants.statusCode).toBe(200);
    const ids = (tenants.json() as { items: { id: string; phone_numbers: string[] }[] }).items.map((t) => [t.id, t.phone_numbers]);
    expect(ids).toEqual([
      ['demo_barbershop', ['+15550100002']],
      ['demo_restaurant', ['+15550100001']],
    ]);
  });

  it('before start-up completes: /healthz 200, /readyz 503, everything else 503', async () => {
    const app = await appWith({ isReady: async () => false, accepting: () => false });
    expect((await app.inject('/healthz')).statusCode).toBe(200);
    expect((await app.inject('/readyz')).statusCode).toBe(503);
    expect((await app.inject('/metrics')).statusCode).toBe(200);
    const other = await app.inject('/api/admin/features');
    expect(other.statusCode).toBe(503);
    expect(other.json()).toMatchObject({ error: 'starting' });
  });

  it('/readyz is 503 (not 500) when the readiness probe throws', async () => {
    const app = await appWith({ isReady: () => Promise.reject(new Error('db down')) });
    expect((await app.inject('/readyz')).statusCode).toBe(503);
  });

  it('/metrics exposes default metrics, appended events by type and job outcomes', async () => {
    const res = await runtime.app.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toContain('process_cpu_user_seconds_total');
    expect(res.body).toContain('nodejs_heap_size_total_bytes');
    expect(res.body).toMatch(/^voz_events_appended_total\{type="tenant.created"\} 2$/m);
    expect(res.body).toContain('# TYPE voz_jobs_total counter');
  });

  describe('GET /api/admin/features', () => {
    const registry = new FeatureRegistry([
      fixtureFeature('orders', ['place_order']),
      {
        ...fixtureFeature('metrics_q', ['query_business_metrics']),
        manifest: { ...fixtureFeature('metrics_q').manifest, ownerOnly: true },
      },
      { ...fixtureFeature('beta_thing'), manifest: { ...fixtureFeature('beta_thing').manifest, defaultEnabled: false } },
    ]);
    const env = {
      VOZ_FEATURE_ORDERS_MODES: 'owner',
      VOZ_TENANT_FEATURE_MODES_JSON: '{"demo_restaurant":{"orders":"client,owner"}}',
    };
    type Listing = {
      tenant: string;
      features: { name: string; owner_only: boolean; tools: string[]; effective: Record<'client' | 'owner', { allowed: boolean; reason?: string }> }[];
    };
    const byName = (l: Listing) => Object.fromEntries(l.features.map((f) => [f.name, f]));

    it('lists every feature with its effective state per mode', async () => {
      const app = await appWith({ registry, env });
      const res = await app.inject('/api/admin/features');
      expect(res.statusCode).toBe(200);
      const body = res.json() as Listing;
      expect(body.tenant).toBe('*');
      expect(body.features.map((f) => f.name)).toEqual(['orders', 'metrics_q', 'beta_thing']);
      const f = byName(body);
      expect(f.orders!.tools).toEqual(['place_order']);
      expect(f.orders!.effective).toEqual({ client: { allowed: false, reason: 'mode_narrowed' }, owner: { allowed: true } });
      expect(f.metrics_q!.owner_only).toBe(true);
      expect(f.metrics_q!.effective).toEqual({ client: { allowed: false, reason: 'owner_only' }, owner: { allowed: true } });
      expect(f.beta_thing!.effective.owner).toEqual({ allowed: false, reason: 'off_by_default' });
    });

    it('?tenant= applies that tenant’s exceptions', async () => {
      const app = await appWith({ registry, env });
      const body = (await app.inject('/api/admin/features?tenant=demo_restaurant')).json() as Listing;
      expect(body.tenant).toBe('demo_restaurant');
      expect(byName(body).orders!.effective).toEqual({ client: { allowed: true }, owner: { allowed: true } });
      const other = (await app.inject('/api/admin/features?tenant=demo_barbershop')).json() as Listing;
      expect(byName(other).orders!.effective.client).toEqual({ allowed: false, reason: 'mode_narrowed' });
    });

    it('the real runtime lists its own registry', async () => {
      const body = (await runtime.app.inject('/api/admin/features')).json() as Listing;
      expect(body.features.map((f) => f.name)).toEqual(runtime.registry.features.map((f) => f.manifest.name));
    });
  });

  describe('admin API protection', () => {
    it('without VOZ_ADMIN_TOKEN: loopback clients only, and not through a proxy', async () => {
      const app = await appWith();
      expect((await app.inject({ url: '/api/admin/features', remoteAddress: '127.0.0.1' })).statusCode).toBe(200);
      expect((await app.inject({ url: '/api/admin/features', remoteAddress: '203.0.113.7' })).statusCode).toBe(403);
      // trustProxy must not let a forged header pass as loopback
      const forged = await app.inject({ url: '/api/admin/features', remoteAddress: '203.0.113.7', headers: { 'x-forwarded-for': '127.0.0.1' } });
      expect(forged.statusCode).toBe(403);
      const proxied = await app.inject({ url: '/api/admin/features', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.7' } });
      expect(proxied.statusCode).toBe(403);
    });

    it('with VOZ_ADMIN_TOKEN: the bearer token is required, from anywhere', async () => {
      const app = await appWith({ env: { VOZ_ADMIN_TOKEN: TOKEN } });
      const none = await app.inject({ url: '/api/admin/features', remoteAddress: '127.0.0.1' });
      expect(none.statusCode).toBe(401);
      expect(none.headers['www-authenticate']).toBe('Bearer');
      const wrong = await app.inject({ url: '/api/admin/features', headers: { authorization: 'Bearer nope' } });
      expect(wrong.statusCode).toBe(401);
      const ok = await app.inject({ url: '/api/admin/features', remoteAddress: '203.0.113.7', headers: { authorization: `Bearer ${TOKEN}` } });
      expect(ok.statusCode).toBe(200);
    });

    it('guards encoded and oddly cased admin paths too, but not health or metrics', async () => {
      const app = await appWith({ env: { VOZ_ADMIN_TOKEN: TOKEN } });
      for (const url of ['/api/%61dmin/features', '/api/admin/%66eatures', '/API/ADMIN/features', '/api/admin/features/', '/api/admin/features?x=1', '/api/admin/nope']) {
        expect((await app.inject({ url, remoteAddress: '203.0.113.7' })).statusCode, url).toBe(401);
      }
      expect((await app.inject({ url: '//api/admin/features', remoteAddress: '203.0.113.7' })).statusCode).toBe(404);
      expect((await app.inject({ url: '/healthz', remoteAddress: '203.0.113.7' })).statusCode).toBe(200);
      expect((await app.inject({ url: '/metrics', remoteAddress: '203.0.113.7' })).statusCode).toBe(200);
    });
  });

  describe('web UI', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'voz-webui-'));
      writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Vozlia</title>');
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('serves the built web UI at / when the folder exists', async () => {
      const app = await appWith({ webuiDir: dir });
      const res = await app.inject('/');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('<title>Vozlia</title>');
      expect((await app.inject('/index.html')).statusCode).toBe(200);
      expect((await app.inject('/healthz')).statusCode).toBe(200);
    });

    it('starts without it when the folder is missing', async () => {
      const app = await appWith({ webuiDir: path.join(dir, 'missing') });
      expect((await app.inject('/')).statusCode).toBe(404);
    });
  });
});
