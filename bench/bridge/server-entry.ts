/**
 * The server side of the bridge benchmark, run as a child process pinned to one core:
 *   node --import tsx bench/bridge/server-entry.ts <bridge|bare|naive> <realtimeUrl>
 * Prints `PORT <n>` when listening. `bridge` is the real media-stream plugin with an admit
 * that accepts bench tokens `bench-<i>`; to bench the full app instead, build it with
 * backend/src/server/app.ts `buildApp` and the same admit (see the report in ops/CHECKPOINT.md).
 */
import type { AddressInfo } from 'node:net';
import websocket from '@fastify/websocket';
import Fastify from 'fastify';
import pino from 'pino';
import { Registry } from 'prom-client';
import type { Admission, StreamClaims } from '../../backend/src/voice/call-context.js';
import { mediaStreamRoute } from '../../backend/src/voice/media-stream-route.js';
import { createVoiceMetrics } from '../../backend/src/voice/metrics.js';
import { resolveVoiceOptions } from '../../backend/src/voice/options.js';
import { referenceRelay } from './relays.js';

const [mode, realtimeUrl] = process.argv.slice(2);
if ((mode !== 'bridge' && mode !== 'bare' && mode !== 'naive') || !realtimeUrl) {
  console.error('usage: server-entry.ts <bridge|bare|naive> <realtimeUrl>');
  process.exit(2);
}

const app = Fastify({ logger: false });
await app.register(websocket, { options: { perMessageDeflate: false, maxPayload: 1024 * 1024 } });
if (mode === 'bridge') {
  const log = pino({ level: 'warn' });
  const admit = async (token: string): Promise<Admission> => {
    const m = /^bench-(\d+)$/.exec(token);
    if (!m) return { ok: false, reason: 'bad_token' };
    const claims: StreamClaims = { tenantId: 'bench', actorMode: 'client', tenantMode: 'dedicated', callSid: `CA${m[1]}` };
    return {
      ok: true,
      claims,
      context: {
        ...claims,
        instructions: 'bench',
        greeting: 'Hello',
        voice: 'alloy',
        tools: [],
        invokeTool: async () => ({}),
        onCallEnded: () => undefined,
        log,
      },
    };
  };
  await app.register(mediaStreamRoute, {
    options: resolveVoiceOptions({ realtimeUrl, apiKey: 'bench', dialect: 'ga' }),
    admit,
    metrics: createVoiceMetrics(new Registry()),
    log,
  });
} else {
  await app.register(referenceRelay(mode, realtimeUrl));
}
await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`PORT ${(app.server.address() as AddressInfo).port}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
