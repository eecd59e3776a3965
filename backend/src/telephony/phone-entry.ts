import type { FastifyPluginAsync } from 'fastify';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { StreamAdmission } from '../calls/admission.js';
import { CallLifecycle } from '../calls/call-lifecycle.js';
import { StreamTokenStore } from '../calls/stream-token-store.js';
import { ToolRouter } from '../calls/tool-router.js';
import type { FeatureRegistry } from '../features/registry.js';
import type { FeaturePorts } from '../features/types.js';
import { unknownPolicyFeatures } from '../policy/mode-policy.js';
import { AccessCodeResolver } from '../tenancy/access-code-resolver.js';
import { KeyedHasher } from '../tenancy/access-hash.js';
import { loadServerSecret } from '../tenancy/access-secret.js';
import { seedDemoAccessCodes } from '../tenancy/demo-access-codes.js';
import type { TenantRepository } from '../tenancy/tenant-repository.js';
import type { Admission } from '../voice/call-context.js';
import { createVoiceMetrics } from '../voice/metrics.js';
import { ActiveCalls } from '../voice/active-calls.js';
import { mediaStreamRoute } from '../voice/media-stream-route.js';
import { resolveVoiceOptions } from '../voice/options.js';
import { GateLockouts } from './gate-lockouts.js';
import { gateFailuresReader, type PhoneServices } from './phone-services.js';
import { twilioRoutes } from './twilio-routes.js';

export interface PhoneEntryDeps {
  registry: FeatureRegistry;
  ports: FeaturePorts;
  tenants: TenantRepository;
  metrics: Registry;
  log: Logger;
}

/**
 * Composes the phone entry: Twilio webhooks, the access gate, stream admission and the
 * Flow A media-stream route. Built before the app (routes are registered up front) and
 * started after migrations and the tenant seed (secret, resolver, demo codes).
 */
export class PhoneEntry {
  readonly #d: PhoneEntryDeps;
  readonly router: ToolRouter;
  readonly lifecycle: CallLifecycle;
  /** Calls on this instance; shutdown waits for them (`drain`). */
  readonly activeCalls = new ActiveCalls();
  #services: PhoneServices | null = null;

  constructor(deps: PhoneEntryDeps) {
    this.#d = deps;
    this.router = new ToolRouter(deps.registry, deps.ports);
    this.lifecycle = new CallLifecycle(deps.ports.events);
  }

  get services(): PhoneServices {
    if (!this.#services) throw new Error('phone entry used before start');
    return this.#services;
  }

  /** Admission for Flow A's upgrade handler. */
  readonly admit = (token: string): Promise<Admission> => this.services.admission.admit(token);

  /** Loads the secret, seeds the demo codes (when seeding), builds the resolver, reports config problems once. */
  async start(): Promise<void> {
    const { ports, log } = this.#d;
    const { db, config, events } = ports;
    const hasher = new KeyedHasher(await loadServerSecret(db, config.secret));
    if (config.seedDemo) await seedDemoAccessCodes(events, hasher);
    const resolver = new AccessCodeResolver(db, hasher, config.accessCodes);
    await resolver.reportAtStart(log);
    for (const problem of unknownPolicyFeatures(config.modePolicy, this.#d.registry.features.map((f) => f.manifest.name))) {
      log.warn({ event: 'policy_unknown_feature' }, problem);
    }
    const admission = new StreamAdmission({
      db,
      sign: (purpose, payload) => hasher.sign(purpose, payload),
      tokens: new StreamTokenStore(db),
      tenants: this.#d.tenants,
      registry: this.#d.registry,
      router: this.router,
      lifecycle: this.lifecycle,
      ports,
      metrics: this.#d.metrics,
      log,
    });
    this.#services = {
      hasher,
      resolver,
      lockouts: new GateLockouts(db, config.gate),
      lifecycle: this.lifecycle,
      admission,
      gateFailuresSoFar: gateFailuresReader(db),
    };
  }

  /** Resolves when every call on this instance has ended (graceful shutdown). */
  drain(): Promise<void> {
    return this.activeCalls.idle();
  }

  /** Twilio webhooks + the media-stream WebSocket, for `buildApp`. */
  readonly plugin: FastifyPluginAsync = async (app) => {
    const { ports, log, metrics } = this.#d;
    const { config } = ports;
    await app.register(twilioRoutes, { config, tenants: this.#d.tenants, services: () => this.services, clock: ports.clock, log });
    const options = resolveVoiceOptions({
      realtimeUrl: config.openai.realtimeUrl,
      apiKey: config.openai.apiKey ?? '',
      dialect: config.openai.dialect,
      chime: config.chime,
    });
    // `warn`: the request line would carry the (single-use) token in its URL.
    await app.register(mediaStreamRoute, { options, admit: this.admit, metrics: createVoiceMetrics(metrics),
      log,
      activeCalls: this.activeCalls,
      logLevel: 'warn',
    });
  };
}
