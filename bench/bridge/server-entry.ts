/**
 * The server side of the bridge benchmark, run as a child process pinned to one core:
 *   node --import tsx bench/bridge/server-entry.ts <bare|naive|bridge|app> <realtimeUrl> [seededDataDir]
 * Prints `PORT <n>` when listening (and, for `app`, once migrated and seeded); exits on SIGTERM
 * once closed, so the next run never shares the core with this one's shutdown.
 */
import type { AddressInfo } from 'node:net';
import websocket from '@fastify/websocket';
import Fastify from 'fastify';
import { referenceRelay } from './relays.js';

const [mode, realtimeUrl, seededDir] = process.argv.slice(2);
if ((mode !== 'bridge' && mode !== 'bare' && mode !== 'naive' && mode !== 'app') || !realtimeUrl) {
  console.error('usage: server-entry.ts <bare|naive|bridge|app> <realtimeUrl>');
  process.exit(2);
}

let close: () => Promise<void>;
if (mode === 'app') {
  // Loaded only when used: the backend takes seconds to load, which the bare relay never needs.
  const { startBenchApp } = await import('./app-server.js');
  const app = await startBenchApp(realtimeUrl, seededDir);
  close = app.close;
  process.stdout.write(`PORT ${app.port}\n`);
} else {
  const app = Fastify({ logger: false });
  if (mode === 'bridge') await (await import('./bridge-server.js')).registerBenchBridge(app, realtimeUrl);
  else {
    await app.register(websocket, { options: { perMessageDeflate: false, maxPayload: 1024 * 1024 } });
    await app.register(referenceRelay(mode, realtimeUrl));
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  close = () => app.close();
  process.stdout.write(`PORT ${(app.server.address() as AddressInfo).port}\n`);
}
process.once('SIGTERM', () => void close().then(() => process.exit(0), () => process.exit(1)));
