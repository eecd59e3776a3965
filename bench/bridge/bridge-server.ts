/**
 * `bridge` mode: the real media-stream plugin alone (logging at warn, no database, no jobs),
 * with an admit that accepts bench tokens `bench-<i>`, and its voice metrics at `/metrics` (read
 * by the bench once the calls have ended, as it reads the app's).
 */
import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { Registry } from 'prom-client';
import type { Admission, StreamClaims } from '../../backend/src/voice/call-context.js';
import { mediaStreamRoute } from '../../backend/src/voice/media-stream-route.js';
import { createVoiceMetrics } from '../../backend/src/voice/metrics.js';
import { resolveVoiceOptions } from '../../backend/src/voice/options.js';

export async function registerBenchBridge(app: FastifyInstance, realtimeUrl: string): Promise<void> {
  await app.register(websocket, { options: { perMessageDeflate: false, maxPayload: 1024 * 1024 } });
  const log = pino({ level: 'warn' });
  const admit = async (token: string): Promise<Admission> => {
    const m = /^bench-(\d+)$/.exec(token);
    if (!m) return { ok: false, reason: 'bad_token' };
    const claims: StreamClaims = { tenantId: 'bench', actorMode: 'client', tenantMode: 'dedicated', callSid: `CA${m[1]}` };
    return {
      ok: true,
      claims,
      context: { ...claims, instructions: 'bench', greeting: 'Hello', voice: 'alloy', tools: [], invokeTool: async () => ({}), onCallEnded: () => undefined, log },
    };
  };
  const registry = new Registry();
  app.get('/metrics', async (_req, reply) => reply.type(registry.contentType).send(await registry.metrics()));
  await app.register(mediaStreamRoute, {
    options: resolveVoiceOptions({ realtimeUrl, apiKey: 'bench', dialect: 'ga' }),
    admit,
    metrics: createVoiceMetrics(registry),
    log,
  });
}
