import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { Registry } from 'prom-client';
import type { Admission, CallContext, CallRecord, RealtimeToolSpec, StreamClaims } from '../../voice/call-context.js';
import { mediaStreamRoute } from '../../voice/media-stream-route.js';
import { createVoiceMetrics } from '../../voice/metrics.js';
import { resolveVoiceOptions, type VoiceOptions } from '../../voice/options.js';
import { randomCallSid } from './place-call.js';
import type { StreamStart } from './sim-phone.js';

/**
 * A Fastify app with only the media-stream route and an in-memory token table standing in
 * for the core's `admit` — for voice tests, the bridge benchmark and offline simulation.
 */
export interface BridgeHarnessOptions {
  voice: Partial<Omit<VoiceOptions, 'chime' | 'limits'>> & { chime?: Partial<VoiceOptions['chime']>; limits?: Partial<VoiceOptions['limits']> };
  tools?: RealtimeToolSpec[];
  invokeTool?: CallContext['invokeTool'];
  /** The core's call actions (Twilio REST update); absent = the session just closes the stream. */
  act?: CallContext['act'];
  /** Told when a barge-in calls an action off (the core records it). */
  onActionCancelled?: CallContext['onActionCancelled'];
  greeting?: string;
  log?: Logger;
}

export interface BridgeHarness {
  app: FastifyInstance;
  port: number;
  registry: Registry;
  records: CallRecord[];
  /** Issues a single-use token and returns what the TwiML would carry. */
  issue(claims?: Partial<StreamClaims>): StreamStart;
  metricValue(name: string, labels?: Record<string, string>): Promise<number>;
  close(): Promise<void>;
}

export async function startBridgeHarness(o: BridgeHarnessOptions): Promise<BridgeHarness> {
  const log = o.log ?? pino({ level: 'silent' });
  const registry = new Registry();
  const metrics = createVoiceMetrics(registry);
  const options = resolveVoiceOptions({ apiKey: 'sk-test', ...o.voice });
  const tokens = new Map<string, StreamClaims>();
  const records: CallRecord[] = [];
  const admit = async (token: string): Promise<Admission> => {
    const claims = tokens.get(token);
    if (!claims) return { ok: false, reason: 'bad_token' };
    tokens.delete(token);
    const context: CallContext = {
      ...claims,
      instructions: 'You are a test receptionist.',
      greeting: o.greeting ?? 'Hello, how can I help?',
      voice: 'alloy',
      tools: o.tools ?? [],
      invokeTool: o.invokeTool ?? (async () => ({ ok: true })),
      ...(o.act ? { act: o.act } : {}),
      ...(o.onActionCancelled ? { onActionCancelled: o.onActionCancelled } : {}),
      onCallEnded: (r) => records.push(r),
      log: log.child({ callSid: claims.callSid }),
    };
    return { ok: true, claims, context };
  };
  const app = Fastify({ logger: false });
  await app.register(mediaStreamRoute, { options, admit, metrics, log });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  return {
    app,
    port,
    registry,
    records,
    issue(partial = {}) {
      const claims: StreamClaims = { tenantId: 'demo_restaurant', actorMode: 'client', tenantMode: 'dedicated', callSid: randomCallSid(), ...partial };
      const token = randomBytes(12).toString('base64url');
      tokens.set(token, claims);
      return {
        url: `ws://127.0.0.1:${port}/twilio/media/${token}`,
        callSid: claims.callSid,
        parameters: { tenant_id: claims.tenantId, actor_mode: claims.actorMode, tenant_mode: claims.tenantMode, rid: claims.callSid },
      };
    },
    async metricValue(name, labels = {}) {
      const m = await registry.getSingleMetric(name)?.get();
      if (!m) return 0;
      return m.values
        .filter((v) => Object.entries(labels).every(([k, val]) => String((v.labels as Record<string, unknown>)[k]) === val))
        .reduce((s, v) => s + v.value, 0);
    },
    close: () => app.close(),
  };
}
