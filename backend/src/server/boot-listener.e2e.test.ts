import { request } from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { BootListener } from './boot-listener.js';

/** Status and body of a GET, or of an upgrade attempt (status only). */
function get(url: string, upgrade = false): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers = upgrade ? { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' } : {};
    const req = request(url, { headers, agent: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 0, body: '' });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('BootListener', () => {
  let listener: BootListener | undefined;
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    await listener?.close();
    app = listener = undefined;
  });

  it('answers health at once and 503 for everything else until the app takes over the same port', async () => {
    listener = new BootListener(new Registry());
    const base = await listener.listen(0, '127.0.0.1');
    expect(await get(`${base}/healthz`)).toEqual({ status: 200, body: '{"ok":true}' });
    expect(await get(`${base}/readyz`)).toEqual({ status: 503, body: '{"ready":false}' });
    expect((await get(`${base}/metrics`)).status).toBe(200);
    expect(await get(`${base}/api/admin/tenants?x=1`)).toEqual({ status: 503, body: '{"error":"starting","message":"the server is starting"}' });
    expect((await get(`${base}/twilio/media/token`, true)).status).toBe(503);

    app = Fastify({ serverFactory: listener.serverFactory });
    app.get('/readyz', async () => ({ ready: true }));
    await app.ready();
    // Built but not handed over: still the boot answers.
    expect((await get(`${base}/readyz`)).status).toBe(503);
    listener.handOver();
    expect(await get(`${base}/readyz`)).toEqual({ status: 200, body: '{"ready":true}' });
    expect((await get(`${base}/nope`)).status).toBe(404);
  });

  it('refuses to hand over before an app took the server', async () => {
    listener = new BootListener(new Registry());
    await listener.listen(0, '127.0.0.1');
    expect(() => listener!.handOver()).toThrow(/before the app took the server/);
  });
});
