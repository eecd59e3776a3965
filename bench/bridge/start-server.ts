import type { AddressInfo } from 'node:net';
import websocket from '@fastify/websocket';
import Fastify from 'fastify';
import { referenceRelay } from './relays.js';

export type ServerMode = 'bare' | 'naive' | 'bridge' | 'app';

/**
 * One of the bench's servers, listening on 127.0.0.1: the whole product (`app`), the media-stream
 * plugin alone (`bridge`), or a reference relay. The backend is imported only when used: it takes
 * seconds to load, which the bare relay never needs, and the profiler wraps the database client before it loads.
 */
export async function startBenchServer(mode: ServerMode, realtimeUrl: string, seededDir?: string): Promise<{ port: number; close: () => Promise<void> }> {
  if (mode === 'app') {
    const { startBenchApp } = await import('./app-server.js');
    return startBenchApp(realtimeUrl, seededDir);
  }
  const app = Fastify({ logger: false });
  if (mode === 'bridge') await (await import('./bridge-server.js')).registerBenchBridge(app, realtimeUrl);
  else {
    await app.register(websocket, { options: { perMessageDeflate: false, maxPayload: 1024 * 1024 } });
    await app.register(referenceRelay(mode, realtimeUrl));
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { port: (app.server.address() as AddressInfo).port, close: () => app.close() };
}
