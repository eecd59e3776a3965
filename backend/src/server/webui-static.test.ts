import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webuiStatic } from './webui-static.js';

describe('webuiStatic', () => {
  let root: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'voz-webui-'));
    const put = (rel: string, body: string) => {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), body);
    };
    put('index.html', '<title>Today</title>');
    put('orders/index.html', '<title>Orders</title>');
    put('404.html', '<title>Page not found</title>');
    put('_next/static/chunks/app-1a2b.js', 'console.log(1)');
    app = Fastify();
    await app.register(webuiStatic, { root });
    app.get('/api/thing', async () => ({ ok: true }));
  });
  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves each page folder, to be revalidated on every visit', async () => {
    const res = await app.inject({ url: '/orders/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Orders');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('caches hashed bundles for a year', async () => {
    const res = await app.inject({ url: '/_next/static/chunks/app-1a2b.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sends a page path without its slash on to the folder, query kept', async () => {
    const res = await app.inject({ url: '/orders?status=ready' });
    expect(res.statusCode).toBe(308);
    expect(res.headers.location).toBe('/orders/?status=ready');
  });

  it('answers an unknown page with the export 404 page, and an unknown API path with JSON', async () => {
    const page = await app.inject({ url: '/nowhere' });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Page not found');
    const api = await app.inject({ url: '/api/nowhere' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: 'not_found' });
    expect((await app.inject({ url: '/api/thing' })).json()).toEqual({ ok: true });
  });

  it('never leaves the export folder', async () => {
    const res = await app.inject({ url: '/../../etc/passwd' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('root:');
  });
});
