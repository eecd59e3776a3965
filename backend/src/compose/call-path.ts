import type { Registry } from 'prom-client';
import { AccessGate } from '../calls/access-gate.js';
import { StreamAdmission } from '../calls/admission.js';
import { BufferedCallLifecycle } from '../calls/buffered-lifecycle.js';
import { CallControl } from '../calls/call-control.js';
import type { CallControlSettingsSource } from '../calls/call-control-settings.js';
import { CallEventBuffer } from '../calls/call-event-buffer.js';
import { GateLockouts } from '../calls/gate-lockouts.js';
import { StreamTokenStore } from '../calls/stream-token-store.js';
import { unknownPolicyFeatures } from '../policy/mode-policy.js';
import { mount, type Mount } from '../server/mount.js';
import { twilioRestClient } from '../notifications/channels/twilio-client.js';
import { callControlRoutes } from '../telephony/call-control-routes.js';
import { TwilioCallRedirect } from '../telephony/twilio-call-redirect.js';
import { twilioRoutes } from '../telephony/twilio-routes.js';
import { AccessCodeAdmin } from '../tenancy/access-code-admin.js';
import { AccessCodeResolver } from '../tenancy/access-code-resolver.js';
import type { KeyedHasher } from '../tenancy/access-hash.js';
import { feature as contactsFeature } from '../features/contacts/index.js';
import { ActiveCalls } from '../voice/active-calls.js';
import { mediaStreamRoute } from '../voice/media-stream-route.js';
import { createVoiceMetrics } from '../voice/metrics.js';
import { resolveVoiceOptions } from '../voice/options.js';
import type { Core } from './core.js';

export interface CallPath {
  /** Twilio webhooks, then the media-stream WebSocket. */
  mounts: Mount[];
  /** Calls on this instance; shutdown waits for them. */
  activeCalls: ActiveCalls;
  /** End-of-call writes kept through a database outage; shutdown waits for it after the calls. */
  callEvents: CallEventBuffer;
  /** Issued codes (provisioning), unique against every source the gate's resolver reads. */
  accessCodes: AccessCodeAdmin;
}

/**
 * The phone path over a migrated database: the access-code resolver (start-up problems logged
 * once), the gate, stream admission and Flow A's media route, each complete when built.
 * Voice metrics are created here, once per runtime (prom-client refuses a name twice).
 */
/** Budget of one Twilio REST call update (transfer, hang-up); the session waits for it. */
const CALL_UPDATE_TIMEOUT_MS = 5000;

export async function composeCallPath(core: Core, deps: { hasher: KeyedHasher; metrics: Registry; callControlSettings: CallControlSettingsSource }): Promise<CallPath> {
  const { db, config, log } = core;
  const { hasher } = deps;
  const resolver = new AccessCodeResolver(db, hasher, config.accessCodes);
  await resolver.reportAtStart(log);
  for (const problem of unknownPolicyFeatures(config.modePolicy, core.registry.features.map((f) => f.manifest.name))) {
    log.warn({ event: 'policy_unknown_feature' }, problem);
  }
  const callEvents = new CallEventBuffer({ log });
  const lifecycle = new BufferedCallLifecycle(core.events, callEvents);
  const { accountSid, apiBaseUrl } = config.twilio;
  const rest = accountSid && config.twilioAuthToken ? twilioRestClient({ accountSid, authToken: config.twilioAuthToken, apiBaseUrl, timeoutMs: CALL_UPDATE_TIMEOUT_MS }) : null;
  // The whisper's caller name comes from the contacts feature, when it is loaded.
  const contacts = core.registry.features.some((f) => f.manifest.name === contactsFeature.manifest.name) ? core.portsOf(contactsFeature).store : null;
  const control = new CallControl({
    settings: deps.callControlSettings,
    ...(contacts ? { contactName: (tenantId: string, phone: string) => contacts.nameOf(tenantId, phone) } : {}),
    tenant: (id) => core.tenants.get(id),
    lifecycle,
    calls: core.calls,
    redirect: rest ? new TwilioCallRedirect(rest, config.publicBaseUrl) : null,
    maxCallSeconds: config.callLimits.maxCallSeconds,
    clock: core.clock,
    log,
  });
  const admission = new StreamAdmission({
    sign: (purpose, payload) => hasher.sign(purpose, payload),
    tokens: new StreamTokenStore(db),
    tenant: (id) => core.tenants.get(id),
    router: core.router,
    lifecycle,
    calls: core.calls,
    control,
    metrics: deps.metrics,
    log,
  });
  const gate = new AccessGate({
    resolve: (code) => resolver.resolve(code),
    callerHash: (from) => hasher.caller(from),
    lockouts: new GateLockouts(db, config.gate),
    lifecycle,
    calls: core.calls,
    clock: core.clock,
    log,
  });
  const activeCalls = new ActiveCalls();
  const voiceOptions = resolveVoiceOptions({
    realtimeUrl: config.openai.realtimeUrl,
    apiKey: config.openai.apiKey ?? '',
    dialect: config.openai.dialect,
    chime: config.chime,
    limits: { maxCallMs: config.callLimits.maxCallSeconds * 1000, silenceMs: config.callLimits.silenceSeconds * 1000 },
  });
  return {
    activeCalls,
    callEvents,
    accessCodes: new AccessCodeAdmin({ db, events: core.events, hasher, resolver, clock: core.clock }),
    mounts: [
      mount(twilioRoutes, {
        publicBaseUrl: config.publicBaseUrl,
        twilioAuthToken: config.twilioAuthToken,
        assistantAvailable: Boolean(config.openai.apiKey),
        tenantByNumber: (e164) => core.tenants.byPhoneNumber(e164),
        tenantById: (id) => core.tenants.get(id),
        lifecycle,
        gate,
        screen: async (callSid, tenant, from) => (await control.screen(callSid, tenant, from)).kind,
        issueStreamToken: (grant) => admission.issue(grant),
        log,
      }),
      mount(callControlRoutes, { publicBaseUrl: config.publicBaseUrl, twilioAuthToken: config.twilioAuthToken, control, log }),
      mount(mediaStreamRoute, {
        options: voiceOptions,
        admit: admission.admit,
        metrics: createVoiceMetrics(deps.metrics),
        log,
        activeCalls,
        // `warn`: the request line would carry the (single-use) token in its URL.
        logLevel: 'warn',
      }),
    ],
  };
}
